-- The registration report (GET /v1/admin/reports/registration, see
-- edge/src/registration_report.rs): one row per user who opened registration, refreshed by
-- each of their registration requests. Methods only by name; no address, number or secret.
CREATE TABLE registration_states (
  tenant TEXT NOT NULL,
  user_id TEXT NOT NULL,           -- the directory's id
  methods TEXT NOT NULL,           -- ",email_code,authenticator," (registered or from the directory)
  status TEXT NOT NULL,            -- up_to_date, reconfirm, register, optional, not_enabled
  capable INTEGER NOT NULL,        -- 1 when the methods held are enough for a reset today
  updated_at INTEGER NOT NULL,     -- UTC milliseconds of the user's last registration request
  PRIMARY KEY (tenant, user_id)
);
CREATE INDEX registration_states_status ON registration_states (tenant, status);
