//! One component per file.

pub mod answers_form;
#[cfg(feature = "register")]
pub mod authenticator_setup;
pub mod choose_method;
pub mod code_form;
#[cfg(feature = "register")]
pub mod contact_form;
pub mod done_view;
pub mod identify_form;
pub mod locked_view;
pub mod new_password_form;
pub mod otp_input;
pub mod pending_view;
#[cfg(feature = "register")]
pub mod questions_form;
#[cfg(feature = "register")]
pub mod register_done;
#[cfg(feature = "register")]
pub mod register_overview;
#[cfg(feature = "register")]
pub mod register_widget;
pub mod reset_widget;
#[cfg(feature = "register")]
pub mod sign_in_again;
pub mod totp_form;
pub mod unsupported_step;
