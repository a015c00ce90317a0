use super::*;

/// The generated Typst main source of a small model, as the build makes it
/// (the model as the Typst templates see it, the built-in templates): a
/// change to a template or a helper shows up here line by line.
#[test]
fn typst_source_of_a_small_model() {
    let k = crate::render::tests::small();
    let model = serde_json::to_value(&k).unwrap();
    let (data, uncovered) = for_typst(&model, &[]);
    assert!(uncovered.is_empty(), "{uncovered:?}");
    let hb = registry().unwrap();
    let src = source(&hb, &data, &crate::project::Assets::default()).unwrap();
    insta::assert_snapshot!(src.main);
}
