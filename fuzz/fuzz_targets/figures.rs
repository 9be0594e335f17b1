//! Any bytes as a figures file (JSON or CSV), loaded and then checked against the embedded
//! dataset the way `validate` and the window check a user's figures. None may panic or hang.

#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use zq_core::Model;
use zq_core::load::load_user_file;

static MODEL: LazyLock<Model> =
    LazyLock::new(|| Model::embedded().expect("the embedded data is valid (tested)"));

fuzz_target!(|data: &[u8]| {
    if let Ok(user) = load_user_file("fuzz.csv", data) {
        let _ = user.check("fuzz.csv", &MODEL.dataset, &MODEL.boundaries);
    }
});
