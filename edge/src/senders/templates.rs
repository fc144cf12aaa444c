//! The words of the messages sspr sends. (Localized templates come with the Edge issue.)

use sspr_core::flow::Notice;

use super::EmailContent;

/// The email that carries a reset code.
pub fn code_email(organization: &str, code: &str, minutes: u64) -> EmailContent {
    let org = escape_html(organization);
    EmailContent {
        subject: format!("{organization} password reset code: {code}"),
        text: format!(
            "Your {organization} password reset code is {code}.\n\n\
             It expires in {minutes} minutes. If you did not ask to reset your password, \
             ignore this email: your password stays as it is.\n"
        ),
        html: format!(
            "<p>Your {org} password reset code is</p>\
             <p style=\"font-size:24px;font-weight:bold;letter-spacing:4px\">{code}</p>\
             <p>It expires in {minutes} minutes. If you did not ask to reset your password, \
             ignore this email: your password stays as it is.</p>"
        ),
    }
}

/// The email that carries the code proving an address a user is registering.
pub fn enrolment_email(organization: &str, code: &str, minutes: u64) -> EmailContent {
    let org = escape_html(organization);
    EmailContent {
        subject: format!("Verify your email address for {organization}: {code}"),
        text: format!(
            "Your {organization} verification code is {code}.\n\n\
             Type it where you are adding this address for password reset. It expires in \
             {minutes} minutes. If you did not add this address, ignore this email: it will \
             not be used.\n"
        ),
        html: format!(
            "<p>Your {org} verification code is</p>\
             <p style=\"font-size:24px;font-weight:bold;letter-spacing:4px\">{code}</p>\
             <p>Type it where you are adding this address for password reset. It expires in \
             {minutes} minutes. If you did not add this address, ignore this email: it will \
             not be used.</p>"
        ),
    }
}

/// The email that tells a user their password was changed or their account unlocked, with
/// what to do if it was not them.
pub fn notice_email(
    organization: &str,
    notice: Notice,
    helpdesk_url: Option<&str>,
) -> EmailContent {
    let (subject, what) = match notice {
        Notice::PasswordChanged => (
            format!("Your {organization} password was changed"),
            "Your password was just changed with self-service password reset.",
        ),
        Notice::AccountUnlocked => (
            format!("Your {organization} account was unlocked"),
            "Your account was just unlocked with self-service password reset.",
        ),
    };
    let help = match helpdesk_url {
        Some(url) => format!("If this wasn't you, contact your helpdesk right away: {url}"),
        None => "If this wasn't you, contact your IT helpdesk right away.".to_owned(),
    };
    EmailContent {
        text: format!("{what}\n\n{help}\n"),
        html: format!("<p>{}</p><p>{}</p>", escape_html(what), escape_html(&help)),
        subject,
    }
}

/// The text message that carries a code: the code first (phones' autofill heuristics and
/// people skimming a notification both look there), then, when the page's host is known, a
/// last line in the origin-bound one-time code format (WICG "Origin-bound one-time codes
/// delivered via SMS": `@host #code`), which WebOTP and iOS / Android autofill read and
/// offer only on that site. Short enough for one 160-character GSM-7 segment with a
/// typical organisation name and host.
///
/// `webotp_host` is the host of the page the user is on, without scheme or port (see
/// [`origin_host`]); a value that cannot form that line is left out rather than sent
/// malformed.
pub fn code_sms(organization: &str, code: &str, minutes: u64, webotp_host: Option<&str>) -> String {
    let text = format!(
        "{code} is your {organization} verification code. It expires in {minutes} minutes."
    );
    match webotp_host.filter(|host| is_plain_host(host)) {
        Some(host) => format!("{text}\n\n@{host} #{code}"),
        None => text,
    }
}

/// The host of an origin (`https://login.contoso.com:8443` → `login.contoso.com`), for the
/// last line of [`code_sms`]; `None` when there is none to take.
pub fn origin_host(origin: &str) -> Option<&str> {
    let (_scheme, rest) = origin.split_once("://")?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = if let Some(v6) = authority.strip_prefix('[') {
        // An IPv6 literal keeps its brackets.
        &authority[..v6.find(']')? + 2]
    } else {
        authority.split(':').next()?
    };
    is_plain_host(host).then_some(host)
}

fn is_plain_host(host: &str) -> bool {
    !host.is_empty()
        && !host
            .chars()
            .any(|c| c.is_whitespace() || matches!(c, '@' | '#' | '%' | '/'))
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_code_email_carries_the_code_and_its_lifetime() {
        let email = code_email("Contoso", "123456", 10);
        assert!(email.subject.contains("123456"));
        assert!(email.text.contains("123456") && email.text.contains("10 minutes"));
        assert!(email.html.contains("123456"));
    }

    #[test]
    fn the_enrolment_email_carries_the_code_and_says_what_it_is_for() {
        let email = enrolment_email("Contoso", "654321", 10);
        assert!(email.subject.contains("654321") && email.subject.contains("Verify"));
        assert!(email.text.contains("10 minutes") && email.html.contains("654321"));
    }

    #[test]
    fn a_notice_says_what_happened_and_where_to_get_help() {
        let email = notice_email(
            "Contoso",
            Notice::PasswordChanged,
            Some("https://help.contoso.example"),
        );
        assert_eq!(email.subject, "Your Contoso password was changed");
        assert!(email.text.contains("https://help.contoso.example"));
        let unlocked = notice_email("Contoso", Notice::AccountUnlocked, None);
        assert!(unlocked.subject.contains("unlocked") && unlocked.text.contains("IT helpdesk"));
    }

    #[test]
    fn an_sms_starts_with_the_code_and_ends_with_the_origin_bound_line() {
        let sms = code_sms("Contoso", "123456", 10, Some("login.contoso.com"));
        assert!(sms.starts_with("123456 "), "{sms}");
        assert!(sms.contains("10 minutes"), "{sms}");
        assert_eq!(sms.lines().last(), Some("@login.contoso.com #123456"));
        // The explanatory text is separated by an empty line, as in the WICG examples.
        assert!(sms.contains(".\n\n@login.contoso.com #123456"), "{sms}");
    }

    #[test]
    fn an_sms_without_a_host_has_no_origin_bound_line() {
        let sms = code_sms("Contoso", "123456", 10, None);
        assert_eq!(
            sms,
            "123456 is your Contoso verification code. It expires in 10 minutes."
        );
        assert!(!sms.contains('@') && !sms.contains('#'));
    }

    #[test]
    fn a_host_that_would_break_the_line_is_left_out() {
        for host in ["", "login example.com", "a@b.com", "host#1"] {
            let sms = code_sms("Contoso", "123456", 10, Some(host));
            assert!(!sms.contains('\n'), "{host:?}: {sms}");
        }
    }

    #[test]
    fn a_typical_sms_fits_one_gsm7_segment() {
        let sms = code_sms(
            "Contoso Pharmaceuticals",
            "12345678",
            30,
            Some("login.contoso-pharma.com"),
        );
        assert!(sms.len() <= 160, "{} chars: {sms}", sms.len());
    }

    #[test]
    fn the_host_of_an_origin_has_no_scheme_port_or_path() {
        assert_eq!(
            origin_host("https://login.contoso.com"),
            Some("login.contoso.com")
        );
        assert_eq!(
            origin_host("https://login.contoso.com:8443/"),
            Some("login.contoso.com")
        );
        assert_eq!(origin_host("http://127.0.0.1:8080"), Some("127.0.0.1"));
        assert_eq!(origin_host("https://[::1]:8443"), Some("[::1]"));
        assert_eq!(origin_host("null"), None, "an opaque origin has no host");
        assert_eq!(origin_host("https://"), None);
    }

    #[test]
    fn the_organisation_name_is_escaped_in_html() {
        assert!(
            code_email("<b>Evil</b>", "1", 1)
                .html
                .contains("&lt;b&gt;Evil")
        );
    }
}
