//! Which methods a flow offers. A real user is offered the methods their effective policy
//! allows and they hold (the directory's email address and mobile number, and what they
//! registered), and only when those are enough for the policy; anyone
//! else walks a decoy flow. A decoy is offered what the least-equipped real user who passes
//! would see: the first `required` methods the user policy allows, with masks built from the
//! typed name. So a decoy and a real user with the usual methods look the same from outside.

use crate::api::MethodOffer;
use crate::mask;
use crate::policy::{EffectivePolicy, Method, Policy};
use crate::registration::Registrations;

/// The order a decoy's methods are picked in: possession first, the most familiar first.
const ORDER: [Method; 5] = [
    Method::EmailCode,
    Method::SmsCode,
    Method::Authenticator,
    Method::AppNotification,
    Method::SecurityQuestions,
];

/// The offers for a real user under `policy`, from what they `held` (the directory's email
/// and mobile number, and what they registered), or `None` when that is not enough for the
/// policy (they then walk the decoy flow).
///
/// ```
/// use sspr_core::offers::offers;
/// use sspr_core::policy::{EffectivePolicy, Method, Role};
/// use sspr_core::registration::Registrations;
///
/// let policy = EffectivePolicy { role: Role::User, methods: vec![Method::EmailCode, Method::SmsCode], required: 1 };
/// let mut held = Registrations::default();
/// held.email = Some("alice@example.com".into());
/// let found = offers(&policy, &held).unwrap();
/// assert_eq!(found.len(), 1);
/// assert_eq!(found[0].destination, "a•••@e•••.com");
///
/// // Two methods required and one held: not enough, so this user walks the decoy flow.
/// let strict = EffectivePolicy { required: 2, ..policy };
/// assert_eq!(offers(&strict, &held), None);
/// ```
pub fn offers(policy: &EffectivePolicy, held: &Registrations) -> Option<Vec<MethodOffer>> {
    let found = held.offers(&policy.methods);
    let methods: Vec<Method> = found.iter().map(|offer| offer.method).collect();
    policy.satisfied_by(&methods).then_some(found)
}

/// The offers of a decoy flow for the typed `username`: masks built from it, the
/// organisation's usual email domain and its usual country calling code (digits, e.g. `"49"`),
/// stable for the same name.
///
/// ```
/// use sspr_core::offers::decoy_offers;
/// use sspr_core::policy::Policy;
///
/// let policy = Policy::parse("[methods]\nallowed = [\"email_code\", \"sms_code\"]\nrequired = 2").unwrap();
/// let offers = decoy_offers(&policy, "nobody", "example.com", "1");
/// assert_eq!(offers.len(), 2);
/// assert_eq!(offers[0].destination, "n•••@e•••.com");
/// assert!(offers[1].destination.starts_with("+1 ••• ••• ••"));
/// assert_eq!(offers, decoy_offers(&policy, "nobody", "example.com", "1"));
/// ```
pub fn decoy_offers(
    policy: &Policy,
    username: &str,
    usual_domain: &str,
    usual_country_code: &str,
) -> Vec<MethodOffer> {
    let required = usize::from(policy.methods.required.max(1));
    let mut chosen: Vec<Method> = ORDER
        .iter()
        .copied()
        .filter(|method| policy.methods.allowed.contains(method) && method.is_possession())
        .take(required)
        .collect();
    if chosen.len() < required && policy.methods.allowed.contains(&Method::SecurityQuestions) {
        chosen.push(Method::SecurityQuestions);
    }
    chosen
        .into_iter()
        .map(|method| {
            let destination = match method {
                Method::EmailCode => mask::decoy_email(username, usual_domain),
                Method::SmsCode => mask::decoy_phone(username, usual_country_code),
                _ => String::new(),
            };
            MethodOffer::new(method, destination)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::methods::phone::PhoneNumber;
    use crate::policy::{Role, UserFacts};

    fn policy(toml: &str) -> Policy {
        Policy::parse(toml).unwrap()
    }

    fn user_policy(methods: &[Method], required: u8) -> EffectivePolicy {
        EffectivePolicy {
            role: Role::User,
            methods: methods.to_vec(),
            required,
        }
    }

    fn held(email: Option<&str>, phone: bool) -> Registrations {
        let mut held = Registrations::default();
        held.email = email.map(str::to_owned);
        held.phone = phone.then(|| PhoneNumber::parse("+49 151 12345678", None).unwrap());
        held
    }

    #[test]
    fn a_user_is_offered_every_allowed_method_they_can_be_reached_by_email_first() {
        let reachable = held(Some("alice@example.com"), true);
        let found = offers(
            &user_policy(&[Method::SmsCode, Method::EmailCode], 1),
            &reachable,
        )
        .unwrap();
        let methods: Vec<Method> = found.iter().map(|o| o.method).collect();
        assert_eq!(methods, [Method::EmailCode, Method::SmsCode]);
        assert_eq!(found[1].destination, "+49 ••• ••• ••78");
    }

    #[test]
    fn a_method_the_policy_does_not_allow_is_never_offered() {
        let reachable = held(Some("alice@example.com"), true);
        let found = offers(&user_policy(&[Method::SmsCode], 1), &reachable).unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].method, Method::SmsCode);
    }

    #[test]
    fn a_user_who_cannot_meet_the_required_count_gets_no_offers() {
        let reachable = held(Some("dana@example.com"), false);
        assert_eq!(
            offers(
                &user_policy(&[Method::EmailCode, Method::SmsCode], 2),
                &reachable
            ),
            None
        );
        assert_eq!(
            offers(&user_policy(&[Method::SmsCode], 1), &held(None, false)),
            None
        );
    }

    #[test]
    fn administrators_need_two_reachable_methods() {
        let admin = policy("[methods]\nallowed = [\"email_code\", \"sms_code\"]\nrequired = 1")
            .for_user(&UserFacts {
                admin: true,
                enabled: true,
                ..Default::default()
            })
            .unwrap();
        assert_eq!(offers(&admin, &held(Some("dana@example.com"), false)), None);
        let both = held(Some("dana@example.com"), true);
        assert_eq!(offers(&admin, &both).unwrap().len(), 2);
    }

    #[test]
    fn a_decoy_is_offered_as_many_methods_as_the_policy_requires() {
        let one = policy("[methods]\nallowed = [\"email_code\", \"sms_code\"]\nrequired = 1");
        let offered = decoy_offers(&one, "nobody", "example.com", "49");
        assert_eq!(
            offered,
            [MethodOffer::new(Method::EmailCode, "n•••@e•••.com")]
        );

        let two = policy("[methods]\nallowed = [\"sms_code\", \"email_code\"]\nrequired = 2");
        let offered = decoy_offers(&two, "nobody@example.org", "example.com", "49");
        assert_eq!(offered.len(), 2);
        assert_eq!(offered[0].destination, "n•••@e•••.org");
        assert_eq!(offered[1].method, Method::SmsCode);
        assert!(offered[1].destination.starts_with("+49 ••• ••• ••"));
    }

    #[test]
    fn a_decoy_looks_like_a_real_user_with_the_usual_methods() {
        let policy = policy("[methods]\nallowed = [\"email_code\", \"sms_code\"]\nrequired = 1");
        let real = offers(
            &policy
                .for_user(&UserFacts {
                    enabled: true,
                    ..Default::default()
                })
                .unwrap(),
            &held(Some("bob@example.com"), false),
        )
        .unwrap();
        let decoy = decoy_offers(&policy, "bob", "example.com", "1");
        assert_eq!(real, decoy);
    }

    #[test]
    fn security_questions_fill_a_decoy_only_beside_a_possession_method() {
        let policy = policy(
            "[methods]\nallowed = [\"email_code\", \"security_questions\"]\nrequired = 2\n[security_questions]\nregister = 3\nanswer = 3",
        );
        let offered = decoy_offers(&policy, "x", "example.com", "1");
        let methods: Vec<Method> = offered.iter().map(|o| o.method).collect();
        assert_eq!(methods, [Method::EmailCode, Method::SecurityQuestions]);
    }
}
