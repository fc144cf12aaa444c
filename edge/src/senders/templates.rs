//! The words of the messages sspr sends. (Localized templates come with the Edge issue.)

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
    fn the_organisation_name_is_escaped_in_html() {
        assert!(
            code_email("<b>Evil</b>", "1", 1)
                .html
                .contains("&lt;b&gt;Evil")
        );
    }
}
