use leptos::prelude::*;

use crate::i18n::use_i18n;

/// The helpdesk link the edge gave, if it is one the widget shows: an `https://` page or a
/// `mailto:` address, without white space.
///
/// ```
/// use sspr_widget::components::helpdesk_link::shown_link;
///
/// assert_eq!(shown_link(Some("https://help.example")), Some("https://help.example"));
/// assert_eq!(shown_link(Some("mailto:it@example.com")), Some("mailto:it@example.com"));
/// assert_eq!(shown_link(Some("javascript:alert(1)")), None);
/// assert_eq!(shown_link(Some("https://a b")), None);
/// assert_eq!(shown_link(None), None);
/// ```
pub fn shown_link(link: Option<&str>) -> Option<&str> {
    link.filter(|link| {
        (link.starts_with("https://") || link.starts_with("mailto:"))
            && !link.contains(char::is_whitespace)
    })
}

/// *Contact your helpdesk*: a link to the organisation's helpdesk (the policy's page, else
/// its address), as the edge gives it; nothing when there is none.
#[component]
pub fn HelpdeskLink(
    /// The link to the helpdesk, when the policy names one.
    helpdesk: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    shown_link(helpdesk.as_deref()).map(|href| {
        view! {
            <a class="sspr-form__link sspr-form__link--block" href=href.to_owned() data-testid="sspr-helpdesk-link">
                {i18n.t("helpdesk-link")}
            </a>
        }
    })
}
