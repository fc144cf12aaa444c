//! The OpenAPI document (`edge/openapi.json`) lists exactly the routes the router serves,
//! every error code, and every step kind, with the HTTP statuses the codes travel with.

use std::collections::BTreeSet;

use serde_json::Value;
use sspr_core::api::{ErrorCode, MethodOffer, Step};
use sspr_core::password::PasswordRules;
use sspr_core::policy::Method;
use sspr_edge::audit::{EventKind, csv};
use sspr_edge::http::ROUTES;

fn document() -> Value {
    serde_json::from_str(include_str!("../openapi.json")).expect("openapi.json is JSON")
}

fn wire_name<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .unwrap()
        .as_str()
        .unwrap()
        .to_owned()
}

#[test]
fn the_document_is_openapi_3_1() {
    assert_eq!(document()["openapi"], "3.1.0");
}

#[test]
fn every_route_is_documented_and_nothing_else() {
    let doc = document();
    let documented: BTreeSet<(String, String)> = doc["paths"]
        .as_object()
        .unwrap()
        .iter()
        .flat_map(|(path, item)| {
            item.as_object()
                .unwrap()
                .keys()
                .map(move |method| (method.to_uppercase(), path.clone()))
        })
        .collect();
    let served: BTreeSet<(String, String)> = ROUTES
        .iter()
        .map(|(method, path, _)| ((*method).to_owned(), (*path).to_owned()))
        .collect();
    assert_eq!(documented, served);
}

#[test]
fn every_error_code_is_documented_and_nothing_else() {
    let doc = document();
    let documented: BTreeSet<String> = doc["components"]["schemas"]["ErrorCode"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect();
    let defined: BTreeSet<String> = ErrorCode::ALL.iter().map(wire_name).collect();
    assert_eq!(documented, defined);
}

#[test]
fn every_error_status_appears_among_the_documented_responses() {
    let doc = document();
    let statuses: BTreeSet<u16> = doc["paths"]
        .as_object()
        .unwrap()
        .values()
        .flat_map(|item| item.as_object().unwrap().values())
        .flat_map(|operation| operation["responses"].as_object().unwrap().keys())
        .map(|status| status.parse().unwrap())
        .collect();
    // 404 and 405 answer any unknown path or method; they are not per-route responses.
    for code in ErrorCode::ALL {
        let status = code.status();
        if status == 404 || status == 405 {
            continue;
        }
        assert!(
            statuses.contains(&status),
            "{code:?} travels with {status}, which no route documents"
        );
    }
}

/// One value of every step; the exhaustive match makes a new step fail to compile here.
fn every_step() -> Vec<Step> {
    let steps = vec![
        Step::Identify,
        Step::ChooseMethod {
            methods: vec![MethodOffer::new(Method::EmailCode, "a•••@e•••.com")],
            verified: 0,
            required: 2,
        },
        Step::VerifyCode {
            channel: sspr_core::api::Channel::Email,
            destination: String::new(),
            code_length: 6,
            tries_left: 5,
            resend_at: 0,
        },
        Step::VerifyTotp,
        Step::AnswerQuestions { questions: vec![] },
        Step::AwaitApproval { number: 42 },
        Step::NewPassword {
            rules: PasswordRules::default(),
        },
        Step::Pending,
        Step::Done,
        Step::Locked { until: 0 },
        Step::Reported {
            until: 0,
            helpdesk: Some("https://help.example".into()),
        },
    ];
    for step in &steps {
        match step {
            Step::Identify
            | Step::ChooseMethod { .. }
            | Step::VerifyCode { .. }
            | Step::VerifyTotp
            | Step::AnswerQuestions { .. }
            | Step::AwaitApproval { .. }
            | Step::NewPassword { .. }
            | Step::Pending
            | Step::Done
            | Step::Locked { .. }
            | Step::Reported { .. } => {}
        }
    }
    steps
}

#[test]
fn every_step_kind_is_documented_with_its_fields() {
    let doc = document();
    let variants = doc["components"]["schemas"]["Step"]["oneOf"]
        .as_array()
        .unwrap();
    for step in every_step() {
        let json = serde_json::to_value(&step).unwrap();
        let kind = json["kind"].as_str().unwrap();
        let schema = variants
            .iter()
            .find(|v| v["properties"]["kind"]["const"] == kind)
            .unwrap_or_else(|| panic!("step {kind} is not documented"));
        for field in json.as_object().unwrap().keys() {
            assert!(
                schema["properties"].get(field).is_some(),
                "step {kind}: field {field} is not documented"
            );
        }
    }
    assert_eq!(
        variants.len(),
        every_step().len(),
        "the document lists a step that does not exist"
    );
}

#[test]
fn every_audit_event_kind_is_documented_and_nothing_else() {
    let doc = document();
    let documented: BTreeSet<String> = doc["components"]["schemas"]["AuditEventKind"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect();
    let defined: BTreeSet<String> = EventKind::ALL.iter().map(wire_name).collect();
    assert_eq!(documented, defined);
}

#[test]
fn the_csv_header_is_documented() {
    let doc = document();
    let description =
        doc["paths"]["/v1/admin/audit/export"]["get"]["responses"]["200"]["description"]
            .as_str()
            .unwrap();
    assert!(
        description.contains(&csv::HEADER.join(",")),
        "{description}"
    );
}
