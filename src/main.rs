//! The web app's entry point: renders [`archive_explorer::ui::App`] (or, in a sharded build's
//! search worker, answers the page's queries).

#[cfg(target_arch = "wasm32")]
fn main() {
    // A sharded build's search worker runs this same wasm (see `ui::shard_worker`).
    #[cfg(sharded)]
    if archive_explorer::ui::shard_worker::in_worker() {
        return archive_explorer::ui::shard_worker::start();
    }
    yew::Renderer::<archive_explorer::ui::App>::new().render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The explorer is a WebAssembly app: build it with `trunk build` (see README.md).");
    eprintln!("For the command line, run `cargo run --release --bin archive -- --help`.");
    std::process::exit(2);
}
