//! People, places and organisations: extraction on the seed against hand labels.

mod common;

use archive_explorer::archive::{Archive, EntityKind};

fn labels(set: &str, kind: &str) -> Vec<Vec<String>> {
    let v: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(common::root().join("tests/fixtures/entities.json"))
            .expect("labels"),
    )
    .expect("json");
    serde_json::from_value(v[set][kind].clone()).expect("label list")
}

/// (precision, recall, predicted, labelled) for one kind.
fn score(a: &Archive, set: &str, kind: EntityKind) -> (f64, f64, usize, usize) {
    let want = labels(set, kind.key());
    let got: Vec<&str> = a
        .entities
        .iter()
        .filter(|e| e.kind == kind)
        .map(|e| e.name.as_str())
        .collect();
    let correct = got
        .iter()
        .filter(|g| want.iter().any(|forms| forms.iter().any(|f| f == *g)))
        .count();
    let found = want
        .iter()
        .filter(|forms| forms.iter().any(|f| got.contains(&f.as_str())))
        .count();
    let p = if got.is_empty() {
        1.0
    } else {
        correct as f64 / got.len() as f64
    };
    let r = if want.is_empty() {
        1.0
    } else {
        found as f64 / want.len() as f64
    };
    (p, r, got.len(), want.len())
}

#[test]
fn seed_entities_meet_the_targets() {
    let a = common::seed_archive();
    let mut report = String::new();
    for (kind, min_p, min_r) in [
        (EntityKind::Person, 0.95, 0.90),
        (EntityKind::Place, 0.85, 0.80),
        (EntityKind::Org, 0.85, 0.80),
    ] {
        let (p, r, n, m) = score(&a, "seed", kind);
        report.push_str(&format!(
            "{}: precision {p:.2} ({n} predicted), recall {r:.2} ({m} labelled)\n",
            kind.key()
        ));
        assert!(
            p >= min_p && r >= min_r,
            "{}: precision {p:.2} recall {r:.2}",
            kind.key()
        );
    }
    println!("{report}");
}

#[test]
fn fixture_entities_are_reported() {
    let a = archive_explorer::archive::load_dir(&common::root().join("tests/fixtures"))
        .expect("fixtures");
    for kind in EntityKind::ALL {
        let (p, r, n, m) = score(&a, "fixtures", kind);
        println!(
            "fixtures {}: precision {p:.2} ({n} predicted), recall {r:.2} ({m} labelled)",
            kind.key()
        );
        // People are credited and named in full: they must be found.
        if kind == EntityKind::Person {
            assert!(r >= 0.5, "fixture people recall {r:.2}");
        }
    }
}

#[test]
fn mentions_point_at_the_name_and_aliases_link() {
    let a = common::seed_archive();
    for e in &a.entities {
        assert!(!e.mentions.is_empty(), "{}", e.name);
        for m in &e.mentions {
            let art = &a.articles[m.article as usize];
            let text = match m.paragraph {
                None => art.title.as_str(),
                Some(p) => art.paragraphs[p as usize].text.as_str(),
            };
            let s = &text[m.start as usize..m.end as usize];
            assert!(
                s == e.name || e.aliases.iter().any(|x| x == s),
                "{} at {s}",
                e.name
            );
        }
    }
    let han = a
        .entities
        .iter()
        .find(|e| e.name == "韩宝珠")
        .expect("韩宝珠");
    assert_eq!(han.aliases, ["韩主任"]);
    assert!(han.mentions.len() >= 3, "韩主任 twice and 韩宝珠 once");
    let zjd = a
        .entities
        .iter()
        .find(|e| e.name == "张建党")
        .expect("张建党");
    assert_eq!(zjd.kind, EntityKind::Person);
    assert_eq!(zjd.articles().len(), 5);
}
