-- The audit log (see edge/src/audit/). Applied with
--   wrangler d1 migrations apply sspr-audit --local   (cargo xtask demo / test do this)
--   wrangler d1 migrations apply sspr-audit --remote  (production)
-- Nothing secret is stored: users by directory id (NULL for unknown usernames), client IPs
-- as HMAC-SHA256 under AUDIT_HASH_KEY, flows as a hash of their token's stored hash.
CREATE TABLE audit_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT, -- never reused, so paging cursors stay valid
  at INTEGER NOT NULL,                  -- UTC milliseconds, the edge's clock
  event TEXT NOT NULL,                  -- reset_started, code_sent, proof_failed, …
  tenant TEXT NOT NULL,
  user_id TEXT,                         -- NULL for unknown, disabled or unserved usernames
  method TEXT,                          -- email_code, …
  outcome TEXT NOT NULL,                -- ok, unknown_user, or an error code
  detail TEXT NOT NULL DEFAULT '{}',    -- JSON: failed_proofs, tries_left, operation_id, …
  ip_hash TEXT,                         -- hex HMAC-SHA256 of the client IP
  user_agent TEXT,                      -- at most 256 characters
  flow_id TEXT                          -- hex, links the events of one flow
);

CREATE INDEX audit_events_at ON audit_events (at);
CREATE INDEX audit_events_user_at ON audit_events (user_id, at);
CREATE INDEX audit_events_event_at ON audit_events (event, at);
