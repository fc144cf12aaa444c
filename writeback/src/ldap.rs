//! The [`Directory`] over LDAP: OpenLDAP with the ppolicy overlay, or Active Directory.
//!
//! Each request opens its own connection, binds as the service account, does its work and
//! unbinds: sspr sends a handful of requests per reset, and a fresh bind never carries a
//! stale or broken connection into a password change.
//!
//! | | OpenLDAP | Active Directory |
//! |---|---|---|
//! | user id | `entryUUID` | `objectGUID` |
//! | disabled | `pwdAccountLockedTime` = `000001010000Z` | `userAccountControl` bit 2 |
//! | set password | RFC 3062 Password Modify, with the ppolicy control | replace `unicodePwd` |
//! | unlock | delete `pwdAccountLockedTime`, `pwdFailureTime` | `lockoutTime` = 0 |

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use ldap3::controls::RawControl;
use ldap3::exop::PasswordModify;
use ldap3::{
    Ldap, LdapConnAsync, LdapConnSettings, Mod, Scope, SearchEntry, SearchOptions, ldap_escape,
};
use sspr_core::methods::phone::PhoneNumber;
use sspr_core::webhook::{AdminContact, DirectoryUser};

use crate::config::{Config, DirectoryKind, Loaded};
use crate::dialect::{self, PERMANENTLY_LOCKED, PPOLICY_OID, rc};
use crate::directory::{Directory, DirectoryError};

/// The longest username looked up; anything longer is no one's.
const MAX_USERNAME: usize = 256;

/// How many levels of groups within groups a user's groups are followed up.
const MAX_GROUP_DEPTH: usize = 8;

/// How many groups one search for their parent groups names.
const GROUPS_PER_SEARCH: usize = 50;

/// How many groups below `admin_groups` the administrators' list reads at most.
const MAX_ADMIN_GROUPS: usize = 200;

/// How many ranges of one group's members (1,500 each on AD) are read at most.
const MAX_MEMBER_RANGES: usize = 1_000;

/// An LDAP directory, as configured.
pub struct LdapDirectory {
    config: Config,
    bind_password: String,
    tls: Option<Arc<rustls::ClientConfig>>,
}

/// One entry's attributes, text and binary.
struct Entry {
    dn: String,
    attrs: HashMap<String, Vec<String>>,
    bin_attrs: HashMap<String, Vec<Vec<u8>>>,
}

impl Entry {
    fn from(entry: SearchEntry) -> Entry {
        Entry {
            dn: entry.dn,
            attrs: lower_keys(entry.attrs),
            bin_attrs: lower_keys(entry.bin_attrs),
        }
    }

    fn first(&self, name: &str) -> Option<&str> {
        self.attrs
            .get(&name.to_ascii_lowercase())
            .and_then(|values| values.first())
            .map(String::as_str)
            .filter(|v| !v.trim().is_empty())
    }

    fn all(&self, name: &str) -> &[String] {
        self.attrs
            .get(&name.to_ascii_lowercase())
            .map_or(&[], Vec::as_slice)
    }

    /// Active Directory's answer for a long multi-valued attribute: the values of its
    /// `name;range=START-END` part, and END (`None` for `*`, the last part).
    fn ranged(&self, name: &str) -> Option<(&[String], Option<u64>)> {
        self.attrs.iter().find_map(|(key, values)| {
            let end = dialect::range_end(key, name)?;
            Some((values.as_slice(), end))
        })
    }

    fn bytes(&self, name: &str) -> Option<Vec<u8>> {
        let name = name.to_ascii_lowercase();
        self.bin_attrs
            .get(&name)
            .and_then(|v| v.first().cloned())
            .or_else(|| {
                self.attrs
                    .get(&name)?
                    .first()
                    .map(|s| s.as_bytes().to_vec())
            })
    }
}

impl LdapDirectory {
    /// The directory of a loaded configuration; reads the CA file when one is named.
    pub fn new(loaded: &Loaded) -> Result<LdapDirectory, String> {
        let tls = match &loaded.config.directory.ca_certificate {
            None => None,
            Some(path) => Some(Arc::new(crate::tls::client_config(path)?)),
        };
        Ok(LdapDirectory {
            config: loaded.config.clone(),
            bind_password: loaded.bind_password.clone(),
            tls,
        })
    }

    fn kind(&self) -> DirectoryKind {
        self.config.directory.kind
    }

    /// Runs `work` on a fresh connection bound as the service account, within the
    /// configured time.
    async fn with_connection<T>(
        &self,
        work: impl AsyncFnOnce(&mut Ldap) -> Result<T, DirectoryError>,
    ) -> Result<T, DirectoryError> {
        let directory = &self.config.directory;
        let timeout = self.config.timeout();
        let attempt = async {
            let mut ldap = self.connect().await?;
            let bound = ldap
                .simple_bind(&directory.bind_dn, &self.bind_password)
                .await
                .map_err(|err| DirectoryError::Unavailable(format!("bind failed: {err}")))?;
            if bound.rc != 0 {
                return Err(dialect::unavailable(bound.rc, &bound.text));
            }
            let result = work(&mut ldap).await;
            let _ = ldap.unbind().await;
            result
        };
        tokio::time::timeout(timeout, attempt)
            .await
            .unwrap_or_else(|_| {
                Err(DirectoryError::Unavailable(format!(
                    "the directory did not answer within {} s",
                    timeout.as_secs()
                )))
            })
    }

    /// A fresh connection, not yet bound (StartTLS done when configured).
    async fn connect(&self) -> Result<Ldap, DirectoryError> {
        let directory = &self.config.directory;
        let mut settings = LdapConnSettings::new()
            .set_conn_timeout(self.config.timeout())
            .set_starttls(directory.starttls);
        if let Some(tls) = &self.tls {
            settings = settings.set_config(tls.clone());
        }
        let (conn, ldap) = LdapConnAsync::with_settings(settings, &directory.url)
            .await
            .map_err(|err| {
                DirectoryError::Unavailable(format!("cannot reach {}: {err}", directory.url))
            })?;
        ldap3::drive!(conn);
        Ok(ldap)
    }

    fn user_attributes(&self) -> Vec<String> {
        let names = &self.config.directory.attributes;
        let mut attrs = vec![
            names.email.clone(),
            names.phone.clone(),
            names.display_name.clone(),
            names.language.clone(),
            "memberOf".into(),
            "objectClass".into(),
        ];
        match self.kind() {
            DirectoryKind::Openldap => attrs
                .extend(["entryUUID", "pwdAccountLockedTime", "pwdFailureTime"].map(String::from)),
            DirectoryKind::ActiveDirectory => {
                attrs.extend(["objectGUID", "userAccountControl", "lockoutTime"].map(String::from))
            }
        }
        attrs
    }

    /// At most one entry under the base matching `filter`; two or more is a misconfigured
    /// filter, which must not pick one of them by chance.
    async fn find_one(
        &self,
        ldap: &mut Ldap,
        filter: &str,
    ) -> Result<Option<Entry>, DirectoryError> {
        let result = ldap
            .with_search_options(SearchOptions::new().sizelimit(2))
            .search(
                &self.config.directory.base_dn,
                Scope::Subtree,
                filter,
                self.user_attributes(),
            )
            .await
            .map_err(|err| DirectoryError::Unavailable(format!("search failed: {err}")))?;
        let (entries, outcome) = (result.0, result.1);
        if outcome.rc == rc::SIZE_LIMIT_EXCEEDED || entries.len() > 1 {
            return Err(DirectoryError::Unavailable(format!(
                "the filter {filter} matches more than one entry; make directory.user_filter unique"
            )));
        }
        if outcome.rc == rc::NO_SUCH_OBJECT {
            return Err(DirectoryError::Unavailable(format!(
                "the base {} does not exist",
                self.config.directory.base_dn
            )));
        }
        if outcome.rc != 0 {
            return Err(dialect::unavailable(outcome.rc, &outcome.text));
        }
        Ok(entries
            .into_iter()
            .next()
            .map(|e| Entry::from(SearchEntry::construct(e))))
    }

    /// The entry of the user with this id.
    async fn find_by_id(&self, ldap: &mut Ldap, user_id: &str) -> Result<Entry, DirectoryError> {
        let filter = match self.kind() {
            DirectoryKind::Openldap if dialect::is_uuid_shaped(user_id) => {
                format!("(entryUUID={user_id})")
            }
            DirectoryKind::ActiveDirectory => match dialect::guid_filter_value(user_id) {
                Some(value) => format!("(objectGUID={value})"),
                None => return Err(bad_id(user_id)),
            },
            DirectoryKind::Openldap => return Err(bad_id(user_id)),
        };
        self.find_one(ldap, &filter)
            .await?
            .ok_or(DirectoryError::NoSuchUser)
    }

    /// The user's id, as this directory kind keeps it.
    fn id_of(&self, entry: &Entry) -> Option<String> {
        match self.kind() {
            DirectoryKind::Openldap => entry.first("entryUUID").map(str::to_ascii_lowercase),
            DirectoryKind::ActiveDirectory => dialect::guid_to_string(&entry.bytes("objectGUID")?),
        }
    }

    fn enabled(&self, entry: &Entry) -> bool {
        match self.kind() {
            DirectoryKind::Openldap => {
                entry.first("pwdAccountLockedTime") != Some(PERMANENTLY_LOCKED)
            }
            DirectoryKind::ActiveDirectory => entry
                .first("userAccountControl")
                .and_then(|v| v.parse::<u32>().ok())
                .is_none_or(|flags| flags & 0x2 == 0),
        }
    }

    /// The DNs of the groups the entry belongs to, directly or through other groups (an
    /// administrators' group often holds the helpdesk's group rather than its people):
    ///
    /// - its `memberOf`, or without one a search under `group_base_dn` for groups naming it;
    /// - with `group_base_dn`, the groups naming those groups, level by level, up to
    ///   [`MAX_GROUP_DEPTH`] levels, each group once (cycles end there);
    /// - on Active Directory with `group_base_dn`, one search with
    ///   `LDAP_MATCHING_RULE_IN_CHAIN`, which follows the nesting on the server.
    async fn groups_of(
        &self,
        ldap: &mut Ldap,
        entry: &Entry,
    ) -> Result<Vec<String>, DirectoryError> {
        let direct = entry.all("memberOf");
        let Some(base) = &self.config.directory.group_base_dn else {
            return Ok(direct.to_vec());
        };
        if self.kind() == DirectoryKind::ActiveDirectory {
            // memberOf keeps the direct groups outside the base; the search adds the nesting.
            let filter = dialect::in_chain_filter(&entry.dn);
            let mut found = direct.to_vec();
            let mut seen: HashSet<String> =
                found.iter().map(|dn| dialect::normalize_dn(dn)).collect();
            for dn in self.group_dns(ldap, base, &filter).await? {
                if seen.insert(dialect::normalize_dn(&dn)) {
                    found.push(dn);
                }
            }
            return Ok(found);
        }
        let mut found = if direct.is_empty() {
            let filter = dialect::member_filter([entry.dn.as_str()]);
            self.group_dns(ldap, base, &filter).await?
        } else {
            direct.to_vec()
        };
        let mut seen: HashSet<String> = found.iter().map(|dn| dialect::normalize_dn(dn)).collect();
        let mut level = found.clone();
        for _ in 0..MAX_GROUP_DEPTH {
            let mut parents = Vec::new();
            for chunk in level.chunks(GROUPS_PER_SEARCH) {
                let filter = dialect::member_filter(chunk.iter().map(String::as_str));
                for parent in self.group_dns(ldap, base, &filter).await? {
                    if seen.insert(dialect::normalize_dn(&parent)) {
                        parents.push(parent);
                    }
                }
            }
            if parents.is_empty() {
                break;
            }
            found.extend(parents.iter().cloned());
            level = parents;
        }
        Ok(found)
    }

    /// The DNs of the groups under `base` that match `filter`.
    async fn group_dns(
        &self,
        ldap: &mut Ldap,
        base: &str,
        filter: &str,
    ) -> Result<Vec<String>, DirectoryError> {
        let (groups, _) = ldap
            .search(base, Scope::Subtree, filter, vec!["1.1"])
            .await
            .map_err(|err| DirectoryError::Unavailable(format!("group search failed: {err}")))?
            .non_error()
            .map_err(|err| DirectoryError::Unavailable(format!("group search failed: {err}")))?;
        Ok(groups
            .into_iter()
            .map(|g| SearchEntry::construct(g).dn)
            .collect())
    }

    /// Whether `entry` is an administrator: one of `group_dns` is an administrators' group,
    /// or, through groups within groups that `group_dns` may not show (no `group_base_dn`),
    /// an administrators' group holds it. The same members as [`Directory::admins`] lists.
    async fn is_admin(
        &self,
        ldap: &mut Ldap,
        entry: &Entry,
        group_dns: &[String],
    ) -> Result<bool, DirectoryError> {
        let admin_groups = &self.config.directory.admin_groups;
        let admins: HashSet<String> = admin_groups
            .iter()
            .map(|dn| dialect::normalize_dn(dn))
            .collect();
        if group_dns
            .iter()
            .any(|dn| admins.contains(&dialect::normalize_dn(dn)))
        {
            return Ok(true);
        }
        match self.kind() {
            // One base search per group: the server follows the nesting.
            DirectoryKind::ActiveDirectory => {
                let filter = dialect::in_chain_filter(&entry.dn);
                for group in admin_groups {
                    let (found, _) = ldap
                        .search(group, Scope::Base, &filter, vec!["1.1"])
                        .await
                        .map_err(|err| {
                            DirectoryError::Unavailable(format!("group read failed: {err}"))
                        })?
                        .non_error()
                        .map_err(|err| {
                            DirectoryError::Unavailable(format!("group read failed: {err}"))
                        })?;
                    if !found.is_empty() {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            DirectoryKind::Openldap => {
                let own = dialect::normalize_dn(&entry.dn);
                Ok(self
                    .admin_members(ldap, Vec::new())
                    .await?
                    .iter()
                    .any(|member| dialect::normalize_dn(&member.dn) == own))
            }
        }
    }

    /// The members of the group `entry` (at `dn`): its `member` and `uniqueMember` values,
    /// and on Active Directory, whose groups of more than 1,500 members answer
    /// `member;range=0-1499`, every further range (`member;range=1500-*` …) too.
    async fn group_members(
        &self,
        ldap: &mut Ldap,
        dn: &str,
        entry: &Entry,
    ) -> Result<Vec<String>, DirectoryError> {
        let mut members = [entry.all("member"), entry.all("uniqueMember")].concat();
        let mut part = entry
            .ranged("member")
            .map(|(values, end)| (values.to_vec(), end));
        for _ in 0..MAX_MEMBER_RANGES {
            let Some((values, end)) = part.take() else {
                break;
            };
            members.extend(values);
            let Some(end) = end else {
                break;
            };
            let next = format!("member;range={}-*", end + 1);
            let (found, _) = ldap
                .search(dn, Scope::Base, "(objectClass=*)", vec![next])
                .await
                .map_err(|err| DirectoryError::Unavailable(format!("group read failed: {err}")))?
                .success()
                .map_err(|err| DirectoryError::Unavailable(format!("group read failed: {err}")))?;
            part = found.into_iter().next().and_then(|found| {
                let entry = Entry::from(SearchEntry::construct(found));
                entry
                    .ranged("member")
                    .map(|(values, end)| (values.to_vec(), end))
            });
        }
        Ok(members)
    }

    /// The members of the administrators' groups that are not groups themselves, read with
    /// `attributes`: the groups' members, and the members of every group found among them
    /// (each group once, at most [`MAX_ADMIN_GROUPS`]).
    async fn admin_members(
        &self,
        ldap: &mut Ldap,
        mut attributes: Vec<String>,
    ) -> Result<Vec<Entry>, DirectoryError> {
        attributes.extend(["member", "uniqueMember"].map(String::from));
        let mut groups: Vec<String> = self.config.directory.admin_groups.clone();
        let mut seen: HashSet<String> = groups.iter().map(|dn| dialect::normalize_dn(dn)).collect();
        let mut members_found = Vec::new();
        let mut next = 0;
        while let Some(group) = groups.get(next).cloned() {
            next += 1;
            if next > MAX_ADMIN_GROUPS {
                eprintln!(
                    "admins: more than {MAX_ADMIN_GROUPS} groups below admin_groups; the rest are not read"
                );
                break;
            }
            let result = ldap
                .search(
                    &group,
                    Scope::Base,
                    "(objectClass=*)",
                    vec!["member", "uniqueMember"],
                )
                .await
                .map_err(|err| DirectoryError::Unavailable(format!("group read failed: {err}")))?;
            if result.1.rc == rc::NO_SUCH_OBJECT {
                eprintln!("admins: the administrators' group {group} does not exist");
                continue;
            }
            let (entries, _) = result
                .success()
                .map_err(|err| DirectoryError::Unavailable(format!("group read failed: {err}")))?;
            let mut members = Vec::new();
            for found in entries {
                let entry = Entry::from(SearchEntry::construct(found));
                members.extend(self.group_members(ldap, &group, &entry).await?);
            }
            for member in members {
                if !seen.insert(dialect::normalize_dn(&member)) {
                    continue;
                }
                let result = ldap
                    .search(&member, Scope::Base, "(objectClass=*)", attributes.clone())
                    .await
                    .map_err(|err| {
                        DirectoryError::Unavailable(format!("member read failed: {err}"))
                    })?;
                let Some(found) = result.0.into_iter().next() else {
                    continue;
                };
                let found = Entry::from(SearchEntry::construct(found));
                if !found.all("member").is_empty() || !found.all("uniqueMember").is_empty() {
                    groups.push(member);
                } else {
                    members_found.push(found);
                }
            }
        }
        Ok(members_found)
    }

    /// With `update_shadow_last_change`, sets a `shadowAccount` entry's `shadowLastChange`
    /// to today (days since 1970-01-01, UTC), as `passwd` does.
    async fn mark_shadow_change(
        &self,
        ldap: &mut Ldap,
        entry: &Entry,
    ) -> Result<(), DirectoryError> {
        let shadow = entry
            .all("objectClass")
            .iter()
            .any(|class| class.eq_ignore_ascii_case("shadowAccount"));
        if !self.config.directory.update_shadow_last_change || !shadow {
            return Ok(());
        }
        let today = dialect::days_since_epoch(std::time::SystemTime::now());
        let change = Mod::Replace(
            b"shadowLastChange".to_vec(),
            HashSet::from([today.to_string().into_bytes()]),
        );
        let result = ldap
            .modify(&entry.dn, vec![change])
            .await
            .map_err(|err| DirectoryError::Unavailable(format!("shadowLastChange: {err}")))?;
        if result.rc != 0 {
            // The password is set, and the reset done: the date is the lesser part, so it is
            // logged for the administrator (the service account's ACL, most often) and the
            // reset answered as done.
            eprintln!(
                "password.set {}: the password was set, but shadowLastChange could not be: LDAP result {} {}",
                entry.dn, result.rc, result.text
            );
        }
        Ok(())
    }

    /// Clears a lockout left on `entry`. OpenLDAP's ppolicy takes `pwdFailureTime` away with
    /// `pwdAccountLockedTime` (which it does not let anyone delete by itself); AD's
    /// `lockoutTime` goes back to 0.
    async fn clear_lockout(&self, ldap: &mut Ldap, entry: &Entry) -> Result<(), DirectoryError> {
        let change: Mod<Vec<u8>> = match self.kind() {
            DirectoryKind::Openldap if entry.first("pwdAccountLockedTime").is_some() => {
                Mod::Delete(b"pwdAccountLockedTime".to_vec(), HashSet::new())
            }
            DirectoryKind::ActiveDirectory
                if entry.first("lockoutTime").is_some_and(|time| time != "0") =>
            {
                Mod::Replace(b"lockoutTime".to_vec(), HashSet::from([b"0".to_vec()]))
            }
            _ => return Ok(()),
        };
        let result = ldap
            .modify(&entry.dn, vec![change])
            .await
            .map_err(|err| DirectoryError::Unavailable(format!("unlock failed: {err}")))?;
        match result.rc {
            // Gone already: another request unlocked it in between.
            0 | rc::NO_SUCH_ATTRIBUTE => Ok(()),
            other => Err(dialect::unavailable(other, &result.text)),
        }
    }
}

/// The ppolicy request control, which asks OpenLDAP to say why it refused.
fn ppolicy_request() -> RawControl {
    RawControl {
        ctype: PPOLICY_OID.into(),
        crit: false,
        val: None,
    }
}

/// The ppolicy error among a result's controls, if it carries one.
fn ppolicy_answer(controls: &[ldap3::controls::Control]) -> Option<u32> {
    controls
        .iter()
        .find(|c| c.1.ctype == PPOLICY_OID)
        .and_then(|c| c.1.val.as_deref())
        .and_then(dialect::ppolicy_error)
}

fn lower_keys<V>(map: HashMap<String, V>) -> HashMap<String, V> {
    map.into_iter()
        .map(|(k, v)| (k.to_ascii_lowercase(), v))
        .collect()
}

fn bad_id(user_id: &str) -> DirectoryError {
    DirectoryError::BadRequest(format!(
        "user_id {:?} is not an id this directory gives (8-4-4-4-12 hex digits)",
        user_id.chars().take(40).collect::<String>()
    ))
}

impl Directory for LdapDirectory {
    async fn lookup(&self, username: &str) -> Result<Option<DirectoryUser>, DirectoryError> {
        let username = username.trim();
        if username.is_empty() || username.len() > MAX_USERNAME {
            return Ok(None);
        }
        let filter = self
            .config
            .user_filter()
            .replace("{username}", &ldap_escape(username));
        self.with_connection(async |ldap| {
            let Some(entry) = self.find_one(ldap, &filter).await? else {
                return Ok(None);
            };
            let Some(id) = self.id_of(&entry) else {
                return Err(DirectoryError::Unavailable(format!(
                    "{} has no readable {} (the service account must read it)",
                    entry.dn,
                    match self.kind() {
                        DirectoryKind::Openldap => "entryUUID",
                        DirectoryKind::ActiveDirectory => "objectGUID",
                    }
                )));
            };
            let group_dns = self.groups_of(ldap, &entry).await?;
            let admin = self.is_admin(ldap, &entry, &group_dns).await?;
            let names = &self.config.directory.attributes;
            // Core's rule for a number with its country code, as the edge reads it.
            let phone = entry.first(&names.phone).and_then(|raw| {
                let e164 = PhoneNumber::parse_international(raw)
                    .ok()
                    .map(|number| number.e164().to_owned());
                if e164.is_none() {
                    eprintln!("user.lookup: {}'s {} is not an international number (+ and 8 to 15 digits); left out", entry.dn, names.phone);
                }
                e164
            });
            Ok(Some(DirectoryUser {
                id,
                email: entry.first(&names.email).map(str::to_owned),
                display_name: entry.first(&names.display_name).map(str::to_owned),
                phone,
                enabled: self.enabled(&entry),
                admin,
                groups: group_dns.iter().map(|dn| dialect::group_name(dn)).collect(),
            }))
        })
        .await
    }

    async fn set_password(&self, user_id: &str, password: &str) -> Result<(), DirectoryError> {
        self.with_connection(async |ldap| {
            let entry = self.find_by_id(ldap, user_id).await?;
            if !self.enabled(&entry) {
                return Err(DirectoryError::Disabled);
            }
            match self.kind() {
                DirectoryKind::Openldap => {
                    let request = ppolicy_request();
                    let result = ldap
                        .with_controls(vec![request])
                        .extended(PasswordModify {
                            user_id: Some(&entry.dn),
                            old_pass: None,
                            new_pass: Some(password),
                        })
                        .await
                        .map_err(|err| {
                            DirectoryError::Unavailable(format!("password modify failed: {err}"))
                        })?;
                    let outcome = result.1;
                    let ppolicy = ppolicy_answer(&outcome.ctrls);
                    dialect::openldap_change(outcome.rc, &outcome.text, ppolicy)?;
                }
                DirectoryKind::ActiveDirectory => {
                    let value = dialect::unicode_pwd(password);
                    let result = ldap
                        .modify(
                            &entry.dn,
                            vec![Mod::Replace(b"unicodePwd".to_vec(), HashSet::from([value]))],
                        )
                        .await
                        .map_err(|err| {
                            DirectoryError::Unavailable(format!("password change failed: {err}"))
                        })?;
                    dialect::active_directory_change(result.rc, &result.text)?;
                }
            }
            // A reset also ends a lockout: the user proved who they are. OpenLDAP's ppolicy
            // does it with every password change; AD needs its lockoutTime cleared.
            match self.kind() {
                DirectoryKind::Openldap => self.mark_shadow_change(ldap, &entry).await,
                DirectoryKind::ActiveDirectory => self.clear_lockout(ldap, &entry).await,
            }
        })
        .await
    }

    async fn password_is(&self, user_id: &str, password: &str) -> Result<bool, DirectoryError> {
        if password.is_empty() {
            // An empty password would make a simple bind anonymous, and succeed.
            return Ok(false);
        }
        self.with_connection(async |ldap| {
            let entry = self.find_by_id(ldap, user_id).await?;
            // The user's own bind, on a connection of its own: the service account's stays
            // as it is.
            let mut own = self.connect().await?;
            let request = ppolicy_request();
            let bound = own
                .with_controls(vec![request])
                .simple_bind(&entry.dn, password)
                .await
                .map_err(|err| {
                    DirectoryError::Unavailable(format!("the user's bind failed: {err}"))
                })?;
            let _ = own.unbind().await;
            let ppolicy = ppolicy_answer(&bound.ctrls);
            match bound.rc {
                0 => Ok(true),
                // Locked since (devices trying the old password): the bind cannot tell, and
                // setting the password again could be refused by the history it is in.
                rc::INVALID_CREDENTIALS if dialect::bind_refused_as_locked(ppolicy, &bound.text) => {
                    Err(DirectoryError::Unavailable(
                        "the account is locked, so a bind cannot tell whether the interrupted change took effect".into(),
                    ))
                }
                rc::INVALID_CREDENTIALS => Ok(false),
                other => Err(dialect::unavailable(other, &bound.text)),
            }
        })
        .await
    }

    async fn unlock(&self, user_id: &str) -> Result<(), DirectoryError> {
        self.with_connection(async |ldap| {
            let entry = self.find_by_id(ldap, user_id).await?;
            if !self.enabled(&entry) {
                return Err(DirectoryError::Disabled);
            }
            self.clear_lockout(ldap, &entry).await
        })
        .await
    }

    async fn admins(&self) -> Result<Vec<AdminContact>, DirectoryError> {
        self.with_connection(async |ldap| {
            let names = &self.config.directory.attributes;
            let members = self.admin_members(ldap, self.user_attributes()).await?;
            Ok(members
                .iter()
                .filter(|entry| self.enabled(entry))
                .filter_map(|entry| {
                    Some(AdminContact {
                        email: Some(entry.first(&names.email)?.to_owned()),
                        display_name: entry.first(&names.display_name).map(str::to_owned),
                        language: entry.first(&names.language).map(str::to_owned),
                    })
                })
                .collect())
        })
        .await
    }
}
