//! Starts Peercircle in the browser: the durable store is opened and read first, so the
//! first screen shows what was saved.

fn main() {
    #[cfg(target_arch = "wasm32")]
    {
        console_error_panic_hook::set_once();
        wasm_bindgen_futures::spawn_local(async {
            peercircle::state::reader::fetch_early();
            peercircle::persist::idb::open_for_app().await;
            peercircle::ui::start().await;
        });
    }
}
