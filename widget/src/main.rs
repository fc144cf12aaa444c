fn main() {
    console_error_panic_hook::set_once();
    sspr_widget::mount_all();
}
