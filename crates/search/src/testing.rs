//! Small archives for the unit tests of this crate (compiled only for tests).

use archive::{Archive, Article, Author, Kind, Paragraph, Source};

use crate::tables::build_tables;
use crate::Index;

/// An article with a title and paragraphs; other fields empty.
pub fn article(id: &str, title: &str, paragraphs: &[&str]) -> Article {
    Article {
        kind: Kind::News,
        paragraphs: paragraphs
            .iter()
            .enumerate()
            .map(|(i, t)| Paragraph {
                text: (*t).into(),
                line: i as u32 + 2,
                lines: vec![i as u32 + 2],
            })
            .collect(),
        source: Source {
            file: format!("{id}.txt"),
            line: 1,
            end_line: paragraphs.len() as u32 + 1,
        },
        ..Article::new(id, title, "")
    }
}

/// A reporter credit.
pub fn reporter(name: &str) -> Author {
    Author {
        name: name.into(),
        role: "记者".into(),
        credit: None,
    }
}

/// An index over the articles, with tables built for them.
pub fn index(articles: Vec<Article>) -> Index {
    let a = Archive {
        articles: articles.into_iter().map(std::sync::Arc::new).collect(),
        ..Default::default()
    };
    let t = build_tables(&a).expect("tables");
    Index::new(a, &t)
}
