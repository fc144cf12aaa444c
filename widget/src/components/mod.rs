//! One component per file.

pub mod choose_method;
pub mod code_form;
pub mod done_view;
pub mod identify_form;
pub mod locked_view;
pub mod new_password_form;
pub mod pending_view;
pub mod reset_widget;
pub mod unsupported_step;
