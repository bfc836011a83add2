//! Interface strings of a sharded archive (its search status line).

use super::browse::grouped;
use super::i18n::Lang;

impl Lang {
    /// While a query's chunks arrive: "已检索 3,200 / 10,000 篇", and once some are found
    /// "已检索 3,200 / 10,000 篇，已找到 12 篇".
    pub fn shard_progress(self, checked: usize, total: usize, found: usize) -> String {
        let mut s = match self {
            Lang::Zh => format!("已检索 {} / {} 篇", grouped(checked), grouped(total)),
            Lang::En => format!(
                "Searched {} of {} {}",
                grouped(checked),
                grouped(total),
                if total == 1 { "article" } else { "articles" }
            ),
        };
        if found > 0 {
            s.push_str(&match self {
                Lang::Zh => format!("，已找到 {} 篇", grouped(found)),
                Lang::En => format!(", {} found", grouped(found)),
            });
        }
        s
    }

    /// When every candidate is checked.
    pub fn shard_done(self, found: usize, checked: usize) -> String {
        match self {
            Lang::Zh => format!("已检索 {} 篇，{} 篇符合", grouped(checked), grouped(found)),
            Lang::En => format!(
                "Searched {} {}: {} {}",
                grouped(checked),
                if checked == 1 { "article" } else { "articles" },
                grouped(found),
                if found == 1 { "match" } else { "matches" }
            ),
        }
    }

    /// With no query: the newest edition listed ("最新一期：合成日报 2020-10-06，共 12 篇").
    pub fn shard_front(self, edition: &str, n: usize) -> String {
        match self {
            Lang::Zh => format!("最新一期：{edition}，共 {} 篇", grouped(n)),
            Lang::En => format!(
                "Latest edition: {edition}, {} {}",
                grouped(n),
                if n == 1 { "article" } else { "articles" }
            ),
        }
    }

    /// Nothing found so far by a query still running, or paused with part of the archive left.
    pub fn shard_not_yet(self, q: &str, paused: bool) -> String {
        match (self, paused) {
            (Lang::Zh, false) => format!("正在检索“{q}”，暂未找到。"),
            (Lang::Zh, true) => format!(
                "已检索的部分中没有“{q}”；其余部分尚未检索：点“{}”检索整个档案。",
                self.shard_resume()
            ),
            (Lang::En, false) => format!("Searching for “{q}”: nothing found yet."),
            (Lang::En, true) => format!(
                "No “{q}” in the part searched so far; the rest is not searched yet: “{}” searches the whole archive.",
                self.shard_resume()
            ),
        }
    }

    /// Paused after the byte budget: what is found so far, of how many checked.
    pub fn shard_paused(self, found: usize, checked: usize, total: usize) -> String {
        match self {
            Lang::Zh => format!(
                "已检索 {} / {} 篇，找到 {} 篇；其余尚未检索",
                grouped(checked),
                grouped(total),
                grouped(found)
            ),
            Lang::En => format!(
                "Searched {} of {} articles, {} found so far; the rest is not searched yet",
                grouped(checked),
                grouped(total),
                grouped(found)
            ),
        }
    }

    /// Paused by "search all" after its step's number of articles (the page holds every one
    /// found: it goes on when asked, not on its own).
    pub fn shard_held(self, found: usize, checked: usize, total: usize) -> String {
        match self {
            Lang::Zh => format!(
                "已找到 {} 篇（已检索 {} / {} 篇）；为免占用过多内存，暂停于此",
                grouped(found),
                grouped(checked),
                grouped(total)
            ),
            Lang::En => format!(
                "{} found (searched {} of {} articles); paused here to keep memory in check",
                grouped(found),
                grouped(checked),
                grouped(total)
            ),
        }
    }

    /// The button that goes on with a paused search.
    pub fn shard_resume(self) -> &'static str {
        match self {
            Lang::Zh => "继续检索全部",
            Lang::En => "Search all",
        }
    }

    /// The button that saves every chunk for offline reading, with the archive's size.
    pub fn save_archive(self, mb: f64) -> String {
        match self {
            Lang::Zh => format!("保存整个档案以离线使用（{mb} MB）"),
            Lang::En => format!("Save the whole archive for offline use ({mb} MB)"),
        }
    }

    /// Why saving is not possible yet.
    pub fn save_unavailable(self) -> &'static str {
        match self {
            Lang::Zh => "需要离线缓存（service worker）：请通过网址打开并刷新一次；本地文件请用 archive serve。",
            Lang::En => "Needs the offline cache (service worker): open the archive from its address and reload once; for local files use archive serve.",
        }
    }

    /// While saving.
    pub fn save_progress(self, done: u32, total: u32) -> String {
        match self {
            Lang::Zh => format!("正在保存 {done} / {total} 个文件"),
            Lang::En => format!("Saving {done} of {total} files"),
        }
    }

    /// When every chunk is saved.
    pub fn save_done(self) -> &'static str {
        match self {
            Lang::Zh => "整个档案已保存，可离线检索",
            Lang::En => "The whole archive is saved: search works offline",
        }
    }

    /// When a chunk could not be fetched.
    pub fn shard_failed(self, e: &str) -> String {
        match self {
            Lang::Zh => format!("部分档案未能载入（{e}）：结果可能不全。请检查网络后重试。"),
            Lang::En => {
                format!("Part of the archive could not load ({e}): results may be incomplete. Check the network and try again.")
            }
        }
    }
}

impl Lang {
    /// While an edition's text chunks arrive (browsing a sharded archive).
    pub fn browse_loading(self) -> &'static str {
        match self {
            Lang::Zh => "正在载入这一期…",
            Lang::En => "Loading this edition…",
        }
    }

    /// While a page's printed lines arrive ("对照原版排列" in a sharded archive).
    pub fn lines_loading(self) -> &'static str {
        match self {
            Lang::Zh => "正在载入原版排列…",
            Lang::En => "Loading the page as printed…",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped_by_thousands() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1000), "1,000");
        assert_eq!(grouped(10294), "10,294");
        assert_eq!(grouped(1234567), "1,234,567");
    }

    #[test]
    fn status_lines_say_how_far() {
        assert_eq!(
            Lang::Zh.shard_progress(3200, 10000, 0),
            "已检索 3,200 / 10,000 篇"
        );
        assert_eq!(
            Lang::Zh.shard_progress(3200, 10000, 12),
            "已检索 3,200 / 10,000 篇，已找到 12 篇"
        );
        assert_eq!(Lang::En.shard_progress(1, 1, 0), "Searched 1 of 1 article");
        assert_eq!(
            Lang::En.shard_progress(400, 1000, 12),
            "Searched 400 of 1,000 articles, 12 found"
        );
        assert_eq!(
            Lang::Zh.shard_not_yet("xuwanxiang", true),
            "已检索的部分中没有“xuwanxiang”；其余部分尚未检索：点“继续检索全部”检索整个档案。"
        );
        assert_eq!(
            Lang::En.shard_front("P 2020-10-06", 1),
            "Latest edition: P 2020-10-06, 1 article"
        );
        assert_eq!(
            Lang::Zh.shard_front("合成日报 2020-10-06", 20),
            "最新一期：合成日报 2020-10-06，共 20 篇"
        );
        assert_eq!(Lang::En.shard_done(1, 2), "Searched 2 articles: 1 match");
        assert_eq!(Lang::Zh.shard_done(5, 40), "已检索 40 篇，5 篇符合");
    }
}
