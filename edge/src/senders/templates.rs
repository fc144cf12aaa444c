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
    fn the_organisation_name_is_escaped_in_html() {
        assert!(
            code_email("<b>Evil</b>", "1", 1)
                .html
                .contains("&lt;b&gt;Evil")
        );
    }
}
