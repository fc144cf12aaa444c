use super::*;

fn parse(text: &str) -> Result<Policy, PolicyErrors> {
    Policy::parse(text)
}

/// The single error of a document, as `(field, problem contains)`.
fn only_error(text: &str) -> PolicyError {
    let errors = parse(text).unwrap_err().errors;
    assert_eq!(errors.len(), 1, "{errors:?}");
    errors.into_iter().next().unwrap()
}

#[test]
fn an_empty_document_is_the_default_policy() {
    assert_eq!(parse("").unwrap(), Policy::default());
    assert_eq!(Policy::default().validate(), Ok(()));
}

#[test]
fn the_default_policy_round_trips_through_toml() {
    let policy = Policy::default();
    assert_eq!(parse(&policy.to_toml()).unwrap(), policy);
}

#[test]
fn the_default_document_is_the_default_policy_written_out() {
    assert_eq!(
        Policy::default().to_toml(),
        DEFAULT_DOCUMENT,
        "core/src/policy/default.toml must be Policy::default().to_toml()"
    );
}

#[test]
fn enabled_for_takes_none_all_or_groups() {
    assert_eq!(
        parse(r#"enabled_for = "none""#).unwrap().enabled_for,
        EnabledFor::None
    );
    assert_eq!(
        parse(r#"enabled_for = { groups = ["SSPR-Users"] }"#)
            .unwrap()
            .enabled_for,
        EnabledFor::Groups(vec!["SSPR-Users".into()])
    );
}

#[test]
fn an_empty_group_list_is_refused() {
    assert_eq!(
        only_error("enabled_for = { groups = [] }").field,
        "enabled_for.groups"
    );
}

#[test]
fn an_unknown_field_is_named() {
    let err = only_error("[codes]\ndigitz = 6");
    assert_eq!(err.field, "codes.digitz");
    assert!(err.problem.contains("digitz"), "{err}");
}

#[test]
fn a_value_of_the_wrong_type_is_named_by_its_path() {
    let err = only_error("[methods]\nrequired = \"two\"");
    assert_eq!(err.field, "methods.required");
}

#[test]
fn a_syntax_error_says_where() {
    let err = only_error("[methods\nrequired = 2");
    assert!(err.problem.contains("line 1"), "{err}");
}

#[test]
fn a_wrong_value_deep_in_an_inline_table_is_named_by_its_path() {
    let err = only_error("enabled_for = { groups = [\"SSPR-Users\", 2] }");
    assert_eq!(err.field, "enabled_for.groups[1]");
    assert!(err.problem.contains("integer `2`"), "{err}");
}

#[test]
fn an_unknown_method_is_refused() {
    let err = only_error("[methods]\nallowed = [\"carrier_pigeon\"]");
    assert_eq!(err.field, "methods.allowed[0]");
}

#[test]
fn three_methods_required_is_out_of_range() {
    let err = only_error(
        "[methods]\nallowed = [\"email_code\", \"sms_code\", \"authenticator\"]\nrequired = 3",
    );
    assert_eq!(
        (err.field.as_str(), err.value.as_deref()),
        ("methods.required", Some("3"))
    );
    assert!(err.problem.contains("from 1 to 2"));
}

#[test]
fn two_methods_required_needs_two_allowed() {
    let err = only_error("[methods]\nallowed = [\"email_code\"]\nrequired = 2");
    assert_eq!(err.field, "methods.required");
}

#[test]
fn the_authenticator_may_not_be_the_only_method() {
    let err = only_error("[methods]\nallowed = [\"authenticator\"]");
    assert!(err.problem.contains("only method"), "{err}");
}

#[test]
fn a_method_listed_twice_is_refused() {
    let err = only_error("[methods]\nallowed = [\"email_code\", \"email_code\"]");
    assert!(err.problem.contains("twice"));
}

#[test]
fn no_method_at_all_is_refused_unless_sspr_is_off() {
    assert_eq!(
        only_error("[methods]\nallowed = []").field,
        "methods.allowed"
    );
    assert!(parse("enabled_for = \"none\"\n[methods]\nallowed = []").is_ok());
}

#[test]
fn security_questions_are_never_the_only_proof_with_one_method_required() {
    let err =
        only_error("[methods]\nallowed = [\"email_code\", \"security_questions\"]\nrequired = 1");
    assert!(err.problem.contains("never enough alone"), "{err}");
}

#[test]
fn security_questions_need_a_possession_method_beside_them() {
    let errors = parse("[methods]\nallowed = [\"security_questions\"]\nrequired = 2")
        .unwrap_err()
        .errors;
    assert!(
        errors
            .iter()
            .any(|e| e.problem.contains("at most one of the two")),
        "{errors:?}"
    );
}

#[test]
fn security_questions_beside_a_code_with_two_required_are_fine() {
    let policy =
        parse("[methods]\nallowed = [\"email_code\", \"security_questions\"]\nrequired = 2")
            .unwrap();
    assert_eq!(policy.methods.required, 2);
}

#[test]
fn question_counts_are_bounded() {
    assert_eq!(
        only_error("[security_questions]\nregister = 6\nanswer = 3").field,
        "security_questions.register"
    );
    assert_eq!(
        only_error("[security_questions]\nregister = 3\nanswer = 2").field,
        "security_questions.answer"
    );
}

#[test]
fn more_answers_than_registered_questions_are_refused() {
    let err = only_error("[security_questions]\nregister = 3\nanswer = 4");
    assert!(err.problem.contains("cannot exceed"));
}

#[test]
fn an_unknown_predefined_question_is_refused() {
    let err =
        only_error("[security_questions]\npredefined = [\"first_pet_name\", \"mothers_password\"]");
    assert_eq!(err.value.as_deref(), Some("\"mothers_password\""));
}

#[test]
fn custom_questions_are_bounded_in_count_and_length() {
    let many: Vec<String> = (0..21)
        .map(|i| format!("\"Custom question {i}?\""))
        .collect();
    let err = only_error(&format!(
        "[security_questions]\ncustom = [{}]",
        many.join(", ")
    ));
    assert!(err.problem.contains("at most 20"));
    assert!(
        only_error("[security_questions]\ncustom = [\"Hi\"]")
            .problem
            .contains("3 to 200")
    );
    let long = "x".repeat(201);
    assert!(
        only_error(&format!("[security_questions]\ncustom = [\"{long}\"]"))
            .problem
            .contains("3 to 200")
    );
}

#[test]
fn a_custom_question_listed_twice_is_refused() {
    let err = only_error("[security_questions]\ncustom = [\"Your motto?\", \"your motto?\"]");
    assert!(err.problem.contains("twice"));
}

#[test]
fn questions_must_be_enough_to_register() {
    let text = "[methods]\nallowed = [\"email_code\", \"security_questions\"]\nrequired = 2\n\
                [security_questions]\nregister = 4\nanswer = 3\npredefined = [\"first_pet_name\"]\ncustom = [\"Your motto?\"]";
    assert!(only_error(text).problem.contains("register 4"));
}

#[test]
fn registration_limits_are_enforced() {
    assert_eq!(
        only_error("[registration]\nreconfirm_days = 731").field,
        "registration.reconfirm_days"
    );
    assert!(parse("[registration]\nreconfirm_days = 0").is_ok());
    assert_eq!(
        only_error("[registration]\nskip_budget = 11").field,
        "registration.skip_budget"
    );
}

#[test]
fn code_settings_are_bounded() {
    assert_eq!(only_error("[codes]\ndigits = 5").field, "codes.digits");
    assert_eq!(only_error("[codes]\ndigits = 9").field, "codes.digits");
    assert_eq!(
        only_error("[codes]\nlifetime_minutes = 0").field,
        "codes.lifetime_minutes"
    );
    assert_eq!(
        only_error("[codes]\nlifetime_minutes = 31").field,
        "codes.lifetime_minutes"
    );
    assert_eq!(only_error("[codes]\ntries = 6").field, "codes.tries");
    assert_eq!(
        only_error("[codes]\nresend_cooldown_seconds = 10").field,
        "codes.resend_cooldown_seconds"
    );
}

#[test]
fn throttling_is_bounded() {
    assert_eq!(
        only_error("[throttling]\nfailed_proofs = 6").field,
        "throttling.failed_proofs"
    );
    assert_eq!(
        only_error("[throttling]\nblock_hours = 0").field,
        "throttling.block_hours"
    );
    assert_eq!(
        only_error("[throttling]\nemail_sends_per_hour = 11").field,
        "throttling.email_sends_per_hour"
    );
    assert_eq!(
        only_error("[throttling]\nsms_sends_per_hour = 6").field,
        "throttling.sms_sends_per_hour"
    );
}

#[test]
fn the_helpdesk_must_be_an_https_url_and_an_email_address() {
    assert_eq!(
        only_error("[organization]\nhelpdesk_url = \"http://help\"").field,
        "organization.helpdesk_url"
    );
    assert_eq!(
        only_error("[organization]\nhelpdesk_email = \"help\"").field,
        "organization.helpdesk_email"
    );
    assert!(parse("[organization]\nhelpdesk_url = \"https://help.contoso.com\"\nhelpdesk_email = \"help@contoso.com\"").is_ok());
}

#[test]
fn the_organization_needs_a_name() {
    assert_eq!(
        only_error("[organization]\nname = \" \"").field,
        "organization.name"
    );
}

#[test]
fn password_settings_are_bounded() {
    assert_eq!(
        only_error("[password]\nmin_length = 7").field,
        "password.min_length"
    );
    assert_eq!(
        only_error("[password]\nmin_length = 65").field,
        "password.min_length"
    );
    assert!(
        only_error("[password]\nbanned_terms = [\"abc\"]")
            .problem
            .contains("4 to 16")
    );
    let many: Vec<String> = (0..1001).map(|i| format!("\"term{i:04}\"")).collect();
    assert!(
        only_error(&format!("[password]\nbanned_terms = [{}]", many.join(",")))
            .problem
            .contains("at most 1000")
    );
    assert_eq!(
        parse("[password]\nbreached_check = \"fail_closed\"")
            .unwrap()
            .password
            .breached_check,
        BreachedCheck::FailClosed
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let errors = parse("[codes]\ndigits = 5\ntries = 9\n[password]\nmin_length = 3")
        .unwrap_err()
        .errors;
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(
        fields,
        ["codes.digits", "codes.tries", "password.min_length"]
    );
}

#[test]
fn errors_read_as_field_value_and_range() {
    let err = only_error("[codes]\ndigits = 4");
    assert_eq!(err.to_string(), "codes.digits = 4: must be from 6 to 8");
}

#[test]
fn the_reset_settings_follow_the_policy() {
    let policy =
        parse("[codes]\ndigits = 8\nlifetime_minutes = 5\ntries = 3\n[password]\nmin_length = 12")
            .unwrap();
    let settings = policy.reset_settings();
    assert_eq!(settings.code.digits, 8);
    assert_eq!(settings.code.lifetime_ms, 300_000);
    assert_eq!(settings.code.max_tries, 3);
    assert_eq!(settings.password.min_length, 12);
}

mod effective {
    use super::*;

    fn user(groups: &[&str]) -> UserFacts {
        UserFacts {
            groups: groups.iter().map(|g| (*g).to_owned()).collect(),
            admin: false,
            enabled: true,
        }
    }

    fn admin() -> UserFacts {
        UserFacts {
            admin: true,
            ..user(&[])
        }
    }

    #[test]
    fn users_outside_the_selected_groups_are_not_enabled() {
        let policy = parse("enabled_for = { groups = [\"sspr-users\"] }").unwrap();
        assert!(policy.for_user(&user(&["sales"])).is_none());
        assert!(policy.for_user(&user(&["SSPR-Users"])).is_some());
    }

    #[test]
    fn nobody_but_administrators_is_enabled_when_users_are_off() {
        let policy = parse("enabled_for = \"none\"").unwrap();
        assert!(policy.for_user(&user(&[])).is_none());
        assert_eq!(policy.for_user(&admin()).unwrap().role, Role::Administrator);
    }

    #[test]
    fn administrators_always_need_two_methods_and_never_questions() {
        let policy =
            parse("[methods]\nallowed = [\"email_code\", \"security_questions\"]\nrequired = 2")
                .unwrap();
        let effective = policy.for_user(&admin()).unwrap();
        assert_eq!(effective.required, 2);
        assert!(!effective.methods.contains(&Method::SecurityQuestions));
        assert!(!effective.satisfied_by(&[Method::EmailCode]));
        assert!(effective.satisfied_by(&[Method::EmailCode, Method::Authenticator]));
    }

    #[test]
    fn disabled_accounts_get_no_policy() {
        let disabled = UserFacts {
            enabled: false,
            ..user(&[])
        };
        assert!(Policy::default().for_user(&disabled).is_none());
    }

    #[test]
    fn the_same_method_twice_does_not_count_as_two() {
        let policy =
            parse("[methods]\nallowed = [\"email_code\", \"sms_code\"]\nrequired = 2").unwrap();
        let effective = policy.for_user(&user(&[])).unwrap();
        assert!(!effective.satisfied_by(&[Method::EmailCode, Method::EmailCode]));
        assert!(effective.satisfied_by(&[Method::SmsCode, Method::EmailCode]));
    }

    #[test]
    fn questions_alone_never_satisfy_a_policy() {
        let policy =
            parse("[methods]\nallowed = [\"email_code\", \"security_questions\"]\nrequired = 2")
                .unwrap();
        let effective = policy.for_user(&user(&[])).unwrap();
        assert!(!effective.satisfied_by(&[Method::SecurityQuestions, Method::SecurityQuestions]));
        assert!(effective.satisfied_by(&[Method::SecurityQuestions, Method::EmailCode]));
    }

    #[test]
    fn methods_the_policy_does_not_allow_do_not_count() {
        let policy =
            parse("[methods]\nallowed = [\"email_code\", \"sms_code\"]\nrequired = 2").unwrap();
        let effective = policy.for_user(&user(&[])).unwrap();
        assert!(!effective.satisfied_by(&[Method::EmailCode, Method::Authenticator]));
    }
}

#[test]
fn a_method_change_notice_goes_out_only_when_the_policy_tells_users() {
    use crate::flow::{Effect, Notice};
    use crate::locale::Language;
    let mut policy = Policy::default();
    let added = Notice::MethodAdded(Method::SmsCode);
    assert_eq!(
        policy.method_change_notice(added, Some("a@example.com"), Language::ENGLISH),
        Some(Effect::Notify {
            to: "a@example.com".into(),
            notice: added,
            language: Language::ENGLISH,
        })
    );
    assert_eq!(
        policy.method_change_notice(added, None, Language::ENGLISH),
        None
    );
    policy.notifications.notify_user = false;
    assert_eq!(
        policy.method_change_notice(added, Some("a@example.com"), Language::ENGLISH),
        None
    );
}

#[test]
fn the_admin_notice_switch_reaches_the_flow_settings() {
    let mut policy = Policy::default();
    assert!(policy.reset_settings().notify_admins_on_admin_reset);
    policy.notifications.notify_admins_on_admin_reset = false;
    assert!(!policy.reset_settings().notify_admins_on_admin_reset);
}

#[test]
fn a_report_pauses_reset_for_1_to_90_days() {
    assert_eq!(Policy::default().notifications.report_hold_days, 7);
    assert_eq!(Policy::default().report_hold_ms(), 7 * 24 * 60 * 60 * 1000);
    for bad in ["0", "91"] {
        let error = only_error(&format!("[notifications]\nreport_hold_days = {bad}"));
        assert_eq!(error.field, "notifications.report_hold_days");
        assert_eq!(error.problem, "must be from 1 to 90");
    }
    let policy = parse("[notifications]\nreport_hold_days = 30").unwrap();
    assert_eq!(policy.report_hold_ms(), 30 * 24 * 60 * 60 * 1000);
}

#[test]
fn the_helpdesk_link_is_the_organizations_page_else_its_address() {
    let both = parse(
        "[organization]\nhelpdesk_url = \"https://help.contoso.com\"\nhelpdesk_email = \"help@contoso.com\"",
    )
    .unwrap();
    assert_eq!(
        both.helpdesk_link().as_deref(),
        Some("https://help.contoso.com")
    );
    let email = parse("[organization]\nhelpdesk_email = \"help@contoso.com\"").unwrap();
    assert_eq!(
        email.helpdesk_link().as_deref(),
        Some("mailto:help@contoso.com")
    );
    assert_eq!(Policy::default().helpdesk_link(), None);
}
