-- The SSPR policy as admins set it through PUT /v1/admin/policy (see edge/src/policy_store.rs).
-- Every accepted document is kept as a new version; the highest version of a tenant is in
-- force. Without any row the edge uses the POLICY variable (or the defaults).
CREATE TABLE policy_versions (
  tenant TEXT NOT NULL,
  version INTEGER NOT NULL,        -- 1, 2, …; the primary key makes concurrent edits conflict
  document TEXT NOT NULL,          -- the TOML document as the admin sent it
  updated_at INTEGER NOT NULL,     -- UTC milliseconds, the edge's clock
  PRIMARY KEY (tenant, version)
);
