//! Starts Peercircle in the browser: the durable store is opened and read first, so the
//! first screen shows what was saved.

fn main() {
    #[cfg(target_arch = "wasm32")]
    {
        console_error_panic_hook::set_once();
        wasm_bindgen_futures::spawn_local(async {
            peercircle::persist::idb::open_for_app().await;
            leptos::mount::mount_to_body(peercircle::App);
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    leptos::mount::mount_to_body(peercircle::App);
}
