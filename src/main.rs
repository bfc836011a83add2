//! The web app's entry point: renders [`archive_explorer::ui::App`] and nothing else.

#[cfg(target_arch = "wasm32")]
fn main() {
    yew::Renderer::<archive_explorer::ui::App>::new().render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The explorer is a WebAssembly app: build it with `trunk build` (see README.md).");
    eprintln!("For the command line, run `cargo run --release --bin archive -- --help`.");
    std::process::exit(2);
}
