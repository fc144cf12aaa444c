//! Notices about an account, sent after the user's reply has gone (`wait_until`) or from the
//! Durable Object's alarm, never while the user waits: to the user (password changed,
//! account unlocked, a method added or removed), in the language they asked in, with a
//! "this wasn't me" link when `REPORT_URL` is set (its token issued by the user's Durable
//! Object, see [`sspr_core::report`]); to every other administrator when an administrator
//! reset their password (Entra's "notify all admins when other admins reset their
//! password"), with who and when, never the password; and to every administrator when a
//! user reported a change as not made by them. Core decides which notices the policy asks
//! for; this module only words and sends them. Failures are logged without addresses, and
//! report tokens are never logged.

use serde::{Deserialize, Serialize};
use sspr_core::UnixMillis;
use sspr_core::api::ReportedChange;
use sspr_core::flow::{Effect, Notice};
use sspr_core::locale::Language;
use sspr_core::policy::Method;
use sspr_core::report::REPORT_LIFETIME_MS;
use sspr_core::webhook::AdminContact;

use crate::audit::time::format_instant;
use crate::config::Config;
use crate::identity::{Backend, IdentityBackend};
use crate::senders::{EmailSender, Mailer, templates};

/// A notice to send, as the Durable Object hands it to the worker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "to_whom", rename_all = "snake_case")]
pub enum Notify {
    /// Tell the user what happened to their account; `report` is the token of its "this
    /// wasn't me" link, when there is a report page.
    User {
        to: String,
        notice: Notice,
        #[serde(default)]
        language: Language,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        report: Option<String>,
    },
    /// Tell every administrator but `except` that the administrator `admin` reset their
    /// password at `at`.
    Admins {
        admin: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        except: Option<String>,
        at: UnixMillis,
    },
    /// Tell every administrator that the user `user` (directory id `user_id`) reported
    /// `change` as not made by them: self-service reset is paused for them until
    /// `held_until`, and `removed`, when set, was taken away.
    Reported {
        user: String,
        user_id: String,
        change: ReportedChange,
        held_until: UnixMillis,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        removed: Option<Method>,
    },
}

/// The notices among `effects`; `now` is when the change was applied.
pub fn from_effects(effects: impl IntoIterator<Item = Effect>, now: UnixMillis) -> Vec<Notify> {
    effects
        .into_iter()
        .filter_map(|effect| match effect {
            Effect::Notify {
                to,
                notice,
                language,
            } => Some(Notify::User {
                to,
                notice,
                language,
                report: None,
            }),
            Effect::NotifyAdmins { admin, except } => Some(Notify::Admins {
                admin,
                except,
                at: now,
            }),
            Effect::SendCode { .. } | Effect::SendApproval { .. } => None,
        })
        .collect()
}

/// `2026-01-01 08:30 UTC`, for the administrators' notice.
pub fn when(at: UnixMillis) -> String {
    let instant = format_instant(at);
    format!("{} {} UTC", &instant[..10], &instant[11..16])
}

/// Days a report link works, as its notice says.
pub const REPORT_LINK_DAYS: u64 = REPORT_LIFETIME_MS / (24 * 60 * 60 * 1000);

/// Sends `notices`, one email per recipient.
pub async fn send(config: &Config, notices: Vec<Notify>) {
    if notices.is_empty() {
        return;
    }
    let sender = Mailer::from_config(config);
    let organization = &config.policy.organization.name;
    let helpdesk = config.policy.organization.helpdesk_url.as_deref();
    for notify in notices {
        match notify {
            Notify::User {
                to,
                notice,
                language,
                report,
            } => {
                // The link is built from the configured page, never from a request.
                let link = config
                    .report_url
                    .as_deref()
                    .zip(report.as_deref())
                    .map(|(page, token)| templates::report_link(page, token));
                let content = templates::notice_email(
                    language,
                    organization,
                    notice,
                    helpdesk,
                    link.as_deref().map(|link| (link, REPORT_LINK_DAYS)),
                );
                if let Err(err) = sender.send(&to, &content, &crate::random::id()).await {
                    worker::console_error!("account notice not sent: {err}");
                }
            }
            Notify::Admins { admin, except, at } => {
                to_admins(config, &sender, except.as_deref(), |language| {
                    templates::admin_reset_email(language, organization, &admin, &when(at))
                })
                .await;
            }
            Notify::Reported {
                user,
                user_id,
                change,
                held_until,
                removed,
            } => {
                to_admins(config, &sender, None, |language| {
                    templates::admin_report_email(
                        language,
                        organization,
                        &user,
                        &user_id,
                        &change,
                        &when(change.at),
                        &when(held_until),
                        removed,
                    )
                })
                .await;
            }
        }
    }
}

/// Emails every administrator but `except` (asking the directory who they are), each in
/// their language.
async fn to_admins(
    config: &Config,
    sender: &Mailer,
    except: Option<&str>,
    content: impl Fn(Language) -> crate::senders::EmailContent,
) {
    let admins = match Backend::from_config(config).admin_contacts().await {
        Ok(admins) => admins,
        Err(err) => {
            worker::console_error!("administrators not notified: {err}");
            return;
        }
    };
    let mut failed = 0;
    for (to, language) in admin_recipients(admins, except) {
        if sender
            .send(&to, &content(language), &crate::random::id())
            .await
            .is_err()
        {
            failed += 1;
        }
    }
    if failed > 0 {
        worker::console_error!("administrators' notice not sent to {failed} of them");
    }
}

/// Who gets the administrators' notice: every administrator with an address but `except`
/// (the one who reset, told as a user instead), each in the language the directory says they
/// read, else English.
pub fn admin_recipients(
    admins: Vec<AdminContact>,
    except: Option<&str>,
) -> Vec<(String, Language)> {
    admins
        .into_iter()
        .filter_map(|admin| {
            let to = admin.email?;
            let excepted = except.is_some_and(|e| e.eq_ignore_ascii_case(&to));
            let language = Language::negotiate(admin.language.as_deref());
            (!excepted).then_some((to, language))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_administrator_is_told_in_their_language_except_the_one_who_reset() {
        let admin = |email: Option<&str>, language: Option<&str>| AdminContact {
            email: email.map(str::to_owned),
            display_name: None,
            language: language.map(str::to_owned),
        };
        let recipients = admin_recipients(
            vec![
                admin(Some("dana@example.com"), Some("de-DE")),
                admin(Some("Omar@Example.com"), Some("fr-FR")),
                admin(Some("kim@example.com"), Some("tlh")),
                admin(Some("lee@example.com"), None),
                admin(None, Some("ja")),
            ],
            Some("omar@example.com"),
        );
        let tags: Vec<(&str, &str)> = recipients
            .iter()
            .map(|(to, language)| (to.as_str(), language.tag()))
            .collect();
        assert_eq!(
            tags,
            [
                ("dana@example.com", "de"),
                ("kim@example.com", "en"),
                ("lee@example.com", "en")
            ]
        );
    }

    #[test]
    fn the_notices_among_effects_keep_their_language_and_the_time_of_the_change() {
        let de = Language::from_tag("de").unwrap();
        let notices = from_effects(
            [
                Effect::Notify {
                    to: "dana@example.com".into(),
                    notice: Notice::PasswordChanged,
                    language: de,
                },
                Effect::NotifyAdmins {
                    admin: "Dana Reyes".into(),
                    except: Some("dana@example.com".into()),
                },
            ],
            1_767_256_200_000,
        );
        assert_eq!(
            notices,
            [
                Notify::User {
                    to: "dana@example.com".into(),
                    notice: Notice::PasswordChanged,
                    language: de,
                    report: None,
                },
                Notify::Admins {
                    admin: "Dana Reyes".into(),
                    except: Some("dana@example.com".into()),
                    at: 1_767_256_200_000
                }
            ]
        );
        assert_eq!(when(1_767_256_200_000), "2026-01-01 08:30 UTC");
    }

    #[test]
    fn a_notice_survives_the_trip_from_the_durable_object() {
        let notice = Notify::User {
            to: "a@example.com".into(),
            notice: Notice::MethodAdded(Method::SmsCode),
            language: Language::from_tag("ja").unwrap(),
            report: Some("q83vEjRW".into()),
        };
        let json = serde_json::to_string(&notice).unwrap();
        assert_eq!(serde_json::from_str::<Notify>(&json).unwrap(), notice);
        let reported = Notify::Reported {
            user: "Rita Ruiz".into(),
            user_id: "u-rita".into(),
            change: ReportedChange::new(Notice::MethodAdded(Method::SmsCode), 5),
            held_until: 9,
            removed: Some(Method::SmsCode),
        };
        let json = serde_json::to_string(&reported).unwrap();
        assert_eq!(serde_json::from_str::<Notify>(&json).unwrap(), reported);
    }

    #[test]
    fn a_report_link_works_for_seven_days() {
        assert_eq!(REPORT_LINK_DAYS, 7);
    }
}
