#include "index/index_searcher.h"

#include <algorithm>
#include <filesystem>
#include <unordered_set>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "index/matched_spans.h"
#include "index/query_parse.h"
#include "index/read_database.h"
#include "pipeline/content_hash.h"
#include "pipeline/unicode_text.h"
#include "stages/icu/word_tokenizer.h"

namespace sextant {
namespace {

using index_internal::AsksForRecords;
using index_internal::BuildTextQuery;
using index_internal::FreeText;
using index_internal::LanguageFilter;
using index_internal::MatchedSpans;

std::string Term(std::string_view prefix, std::string_view value) { return BooleanTerm(prefix, value); }

// The entries dated from options.date_from to date_to: an OR of date terms
// (kDate: years, months, days), the open ends closed by the dates the index
// holds. `range` is left unset when neither end is given.
Status DateRange(const SearchOptions& options, const Xapian::Database& db, std::optional<Xapian::Query>* range) {
  if (options.date_from.empty() && options.date_to.empty()) return Status::Ok();
  std::string from = CompactDate(options.date_from);
  std::string to = CompactDate(options.date_to);
  for (const auto& [name, given, compact] : {std::tuple{"from", &options.date_from, &from}, {"to", &options.date_to, &to}}) {
    if (!given->empty() && compact->empty()) {
      return Status(StatusCode::kInvalidArgument, std::string(name) + " takes a date written 2022, 2022-06 or 2022-06-27, not '" +
                                                      PrintableText(*given) + "'");
    }
  }
  from += std::string("00000101").substr(from.size());  // "2022" → "20220101", "202206" → "20220601"
  to = to.empty() ? "99991231" : to + std::string("00001231").substr(to.size());  // "202206" → "20220631": the whole month
  if (from > to) {
    return Status(StatusCode::kInvalidArgument, "from (" + options.date_from + ") is after to (" + options.date_to + ")");
  }
  // The dates the index holds bound the terms an open end needs.
  const std::string lowest = db.get_value_lower_bound(kSlotDate), highest = db.get_value_upper_bound(kSlotDate);
  if (lowest.size() == 8 && from < lowest) from = lowest;
  if (highest.size() == 8 && to > highest) to = highest;
  std::vector<Xapian::Query> terms;
  for (const std::string& value : DateRangeTermValues(from, to)) terms.emplace_back(Term(term_prefix::kDate, value));
  *range = Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());  // none: matches nothing
  return Status::Ok();
}

// MSet::snippet() writes HTML; we give plain text with the caller's markers.
std::string PlainSnippet(const std::string& html, const SearchOptions& options) {
  std::string out;
  for (std::size_t pos = 0; pos < html.size(); ++pos) {
    const char c = html[pos];
    if (c == '\x01') {
      out += options.highlight_begin;
    } else if (c == '\x02') {
      out += options.highlight_end;
    } else if (c == '&') {
      static constexpr std::pair<std::string_view, char> kEntities[] = {
          {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
      bool replaced = false;
      for (const auto& [entity, plain] : kEntities) {
        if (html.compare(pos, entity.size(), entity) == 0) {
          out += plain;
          pos += entity.size() - 1;
          replaced = true;
          break;
        }
      }
      if (!replaced) out += c;
    } else {
      out += c;
    }
  }
  return out;
}

// `plain` with the caller's markers around each span (in order, not
// overlapping).
std::string MarkSpans(const std::string& plain, const std::vector<std::pair<std::size_t, std::size_t>>& spans,
                      const SearchOptions& options) {
  std::string out;
  std::size_t pos = 0;
  for (const auto& [begin, end] : spans) {
    out.append(plain, pos, begin - pos).append(options.highlight_begin).append(plain, begin, end - begin);
    out += options.highlight_end;
    pos = end;
  }
  return out.append(plain, pos, std::string::npos);
}

// The runs of Han characters in the free text of a query, longest first, each once.
std::vector<std::string> HanRuns(std::string_view query) {
  std::vector<std::string> runs;
  std::string run;
  for (std::size_t pos = 0; pos < query.size();) {
    const char32_t c = NextCodePoint(query, pos);
    if (IsHan(c)) {
      AppendUtf8(run, c);
    } else if (!run.empty()) {
      runs.push_back(std::move(run));
      run.clear();
    }
  }
  if (!run.empty()) runs.push_back(std::move(run));
  std::sort(runs.begin(), runs.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  runs.erase(std::unique(runs.begin(), runs.end()), runs.end());
  return runs;
}

// Xapian's snippet does not mark n-gram matches in Chinese text; the
// query's Han runs are marked where they occur whole, in the snippet's
// unmarked stretches only. The stretches are read in order (a begin
// marker, then the end marker after it), which holds when the two markers
// are the same string ("**" by default); a run that repeats in the query,
// or lies inside a longer one, is never marked twice, and a run right
// after a mark joins it ("**贩运人口**", not "**贩运****人口**").
std::string MarkHanRuns(const std::string& snippet, const std::vector<std::string>& runs,
                        const SearchOptions& options) {
  const std::string& begin = options.highlight_begin;
  const std::string& end = options.highlight_end;
  std::string out;
  std::size_t mark_closed_at = std::string::npos;  // out.size() just after a mark's end
  auto mark_plain = [&](std::string_view plain) {
    for (std::size_t pos = 0; pos < plain.size();) {
      const std::string* found = nullptr;  // runs are longest first
      for (const std::string& run : runs) {
        if (plain.compare(pos, run.size(), run) == 0) {
          found = &run;
          break;
        }
      }
      if (found == nullptr) {
        out += plain[pos++];
        continue;
      }
      if (mark_closed_at == out.size()) {
        out.resize(out.size() - end.size());  // reopen the mark just closed
      } else {
        out += begin;
      }
      out += *found;
      out += end;
      mark_closed_at = out.size();
      pos += found->size();
    }
  };
  std::size_t pos = 0;
  while (pos < snippet.size()) {
    const std::size_t mark = begin.empty() ? std::string::npos : snippet.find(begin, pos);
    const std::size_t close = mark == std::string::npos ? std::string::npos : snippet.find(end, mark + begin.size());
    if (close == std::string::npos || end.empty()) {
      mark_plain(std::string_view(snippet).substr(pos));
      break;
    }
    mark_plain(std::string_view(snippet).substr(pos, mark - pos));
    if (mark_closed_at == out.size() && mark == pos) {  // our mark, then Xapian's: one mark
      out.resize(out.size() - end.size());
      out.append(snippet, mark + begin.size(), close + end.size() - mark - begin.size());
    } else {
      out.append(snippet, mark, close + end.size() - mark);
    }
    mark_closed_at = out.size();
    pos = close + end.size();
  }
  return out;
}

// The spy's counts, scaled up to `total` when it saw only a sample.
void CountFacet(const Xapian::ValueCountMatchSpy& spy, std::size_t total, std::map<std::string, std::size_t>& out) {
  const double scale = spy.get_total() > 0 && total > spy.get_total() ? double(total) / spy.get_total() : 1.0;
  for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
    if (!(*it).empty()) out[*it] = static_cast<std::size_t>(it.get_termfreq() * scale + 0.5);
  }
}

// The same for a slot holding several names joined by U+001F (a record
// made by two States counts for each). Counted whole by Xapian's own spy,
// split here: a spy of our own could not run on a remote shard.
void CountSplitFacet(const Xapian::ValueCountMatchSpy& spy, std::size_t total,
                     std::map<std::string, std::size_t>& out) {
  std::map<std::string, std::size_t> joined;
  CountFacet(spy, total, joined);
  for (const auto& [value, count] : joined) {
    std::size_t start = 0;
    while (start < value.size()) {
      const std::size_t end = std::min(value.find('\x1f', start), value.size());
      if (end > start) out[value.substr(start, end - start)] += count;
      start = end + 1;
    }
  }
}


// What a hit's term list says of it, read in one pass (a round trip to a
// remote shard): its identity term ("Q<hash>:<n>", or "") and the
// parallel-unit terms it shares with its translations.
struct EntryTerms {
  std::string identity;
  std::vector<std::string> units;
};

EntryTerms ReadEntryTerms(const Xapian::Document& entry) {
  EntryTerms terms;
  const std::string q(term_prefix::kIdentity), xp(term_prefix::kParallel);
  static_assert(term_prefix::kIdentity < term_prefix::kParallel, "read in term order");
  auto term = entry.termlist_begin();
  term.skip_to(q);
  if (term != entry.termlist_end() && (*term).starts_with(q)) terms.identity = *term;
  for (term.skip_to(xp); term != entry.termlist_end() && (*term).starts_with(xp); ++term) terms.units.push_back(*term);
  return terms;
}

// The texts, in document order, of the segments in `language` that share
// one of `units` (EntryTerms), joined by spaces. `db`: the shard holding
// the entry (ShardedDatabase::ShardOf), where its whole set lies.
std::string AlignedText(const Xapian::Database& db, const std::vector<std::string>& units, Language language) {
  if (units.empty()) return "";
  Xapian::Enquire lookup(db);
  const Xapian::Query wanted(Xapian::Query::OP_AND, LanguageFilter(language),
                             Xapian::Query(Term(term_prefix::kKind, "segment")));
  lookup.set_query(Xapian::Query(Xapian::Query::OP_FILTER,
                                 Xapian::Query(Xapian::Query::OP_OR, units.begin(), units.end()), wanted));
  lookup.set_weighting_scheme(Xapian::BoolWeight());  // a lookup: no term statistics to gather
  lookup.set_sort_by_value(kSlotSegment, false);
  const Xapian::MSet aligned = lookup.get_mset(0, 20);
  std::string joined;
  for (auto it = aligned.begin(); it != aligned.end(); ++it) {
    const auto data = nlohmann::json::parse(it.get_document().get_data(), nullptr, false);
    if (data.is_discarded()) continue;
    joined += (joined.empty() ? "" : " ") + data.value("text", "");
  }
  return joined;
}

}  // namespace

struct IndexSearcher::Impl {
  index_internal::ShardedDatabase shards;
  const Xapian::Database& db() const { return shards.db(); }
};

IndexSearcher::IndexSearcher(std::unique_ptr<Impl> impl, ChineseTerms chinese)
    : impl_(std::move(impl)), chinese_(chinese) {}

IndexSearcher::~IndexSearcher() = default;

Status IndexSearcher::Open(const std::string& folder, std::unique_ptr<IndexSearcher>* searcher) {
  return Open(IndexShards::Folder(folder), searcher);
}

Status IndexSearcher::Open(const IndexShards& where, std::unique_ptr<IndexSearcher>* searcher) {
  auto impl = std::make_unique<Impl>();
  if (Status status = impl->shards.Open(where); !status.ok()) return status;
  try {
    const auto chinese = ChineseTermsFromName(impl->db().get_metadata(std::string(kMetaChineseTerms)));
    searcher->reset(new IndexSearcher(std::move(impl), chinese.value_or(ChineseTerms::kBigrams)));
    return Status::Ok();
  } catch (const Xapian::Error& error) {
    return impl->shards.Failure("opening", error);
  }
}

Status IndexSearcher::Reopen() { return impl_->shards.Reopen(); }

std::string IndexSearcher::TermChecksum() const {
  const Xapian::Database& db = impl_->db();
  std::string all = std::to_string(db.get_doccount());
  for (auto it = db.allterms_begin(); it != db.allterms_end(); ++it) {
    all += '\n';
    all += *it;
    all += ' ' + std::to_string(it.get_termfreq());
  }
  return HashBytes(all);
}

std::size_t IndexSearcher::entry_count() const { return impl_->db().get_doccount(); }

Status IndexSearcher::ParallelText(const std::string& content_hash, std::size_t segment, Language language,
                                   std::string* text) {
  return impl_->shards.WithRetry([&] { return ParallelTextOnce(content_hash, segment, language, text); });
}

Status IndexSearcher::ParallelTextOnce(const std::string& content_hash, std::size_t segment, Language language,
                                       std::string* text) {
  const std::string identity = Term(term_prefix::kIdentity, content_hash + ":" + std::to_string(segment));
  text->clear();
  try {
    const Xapian::Database& db = impl_->db();
    auto posting = db.postlist_begin(identity);
    if (posting == db.postlist_end(identity)) {
      return Status(StatusCode::kNotFound, "no segment " + std::to_string(segment) + " of " + content_hash + " in " +
                                               impl_->shards.name());
    }
    *text = AlignedText(impl_->shards.ShardOf(*posting), ReadEntryTerms(db.get_document(*posting)).units, language);
    return Status::Ok();
  } catch (const Xapian::Error& error) {
    return impl_->shards.Failure("reading", error);
  }
}

std::string IndexSearcher::metadata(std::string_view key) const { return impl_->db().get_metadata(std::string(key)); }

Status IndexSearcher::Search(std::string_view query, const SearchOptions& options, SearchResult* result) {
  const Status status = impl_->shards.WithRetry([&] { return SearchOnce(query, options, result); });
  if (status.ok()) result->missing_shards = impl_->shards.missing();
  return status;
}

Status IndexSearcher::SearchOnce(std::string_view query, const SearchOptions& options, SearchResult* result) {
  *result = SearchResult();
  const bool records = AsksForRecords(query);
  Xapian::Query filter(Term(term_prefix::kKind, records ? "recommendation" : "segment"));
  if (options.language) filter = Xapian::Query(Xapian::Query::OP_FILTER, filter, LanguageFilter(*options.language));
  try {
    const Xapian::Database& db = impl_->db();
    std::optional<Xapian::Query> range;
    if (Status status = DateRange(options, db, &range); !status.ok()) return status;
    if (range) filter = Xapian::Query(Xapian::Query::OP_FILTER, filter, *range);
    const Xapian::Query text = BuildTextQuery(db, query, options.language, chinese_);
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, text, filter));
    // Oldest first, then by symbol, then in document order: one value read
    // per match (a key made of three values cost a third more).
    if (options.sort == SearchSort::kDate) enquire.set_sort_by_value_then_relevance(kSlotDateOrder, false);
    Xapian::ValueCountMatchSpy languages(kSlotLanguage), years(kSlotYear), series(kSlotSeries);
    Xapian::ValueCountMatchSpy addressees(kSlotAddressee), responses(kSlotResponse), sessions(kSlotSession);
    Xapian::ValueCountMatchSpy recommending(kSlotRecommending);
    if (options.facets) {
      enquire.add_matchspy(&languages);
      enquire.add_matchspy(&years);
      enquire.add_matchspy(&series);
      if (records) {
        enquire.add_matchspy(&recommending);
        enquire.add_matchspy(&addressees);
        enquire.add_matchspy(&responses);
        enquire.add_matchspy(&sessions);
      }
    }
    Xapian::doccount check = 0;
    if (options.facets) {
      check = db.get_doccount();
      if (options.facet_sample > 0) check = std::min<Xapian::doccount>(check, options.facet_sample);
    }
    const Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(options.offset),
                                               static_cast<Xapian::doccount>(options.limit), check);
    result->total = mset.get_matches_estimated();
    result->exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
    const std::string words = FreeText(query);
    const std::vector<std::string> han_runs = HanRuns(words);
    const bool has_words = words.find_first_not_of(' ') != std::string::npos;
    // For the marks (and the snippets of a query with phrases): the
    // query's terms, read once, and a stemmer a language.
    const index_internal::QueryWords query_words = index_internal::ReadQueryWords(words);
    std::unordered_set<std::string> query_terms;
    const auto query_terms_of = [&query_terms, &text]() -> const std::unordered_set<std::string>& {
      if (query_terms.empty()) {
        for (auto term = text.get_terms_begin(); term != text.get_terms_end(); ++term) query_terms.insert(*term);
      }
      return query_terms;
    };
    std::map<Language, std::unique_ptr<Xapian::Stem>> stems;
    const auto stem_of = [&stems](Language language) -> index_internal::StemFunction {
      auto& stem = stems[language];
      if (!stem) stem = std::make_unique<Xapian::Stem>(std::string(StemmerName(language)));
      return [stem = stem.get()](const std::string& word) { return (*stem)(word); };
    };
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      const Xapian::Document entry = it.get_document();
      const auto data = nlohmann::json::parse(entry.get_data(), nullptr, false);
      if (data.is_discarded()) continue;
      SearchHit hit;
      // A record's data holds nulls where it has no value.
      const auto text_of = [&data](const char* key) {
        const auto it = data.find(key);
        return it != data.end() && it->is_string() ? it->get<std::string>() : std::string();
      };
      hit.symbol = text_of("symbol");
      hit.language = LanguageFromCode(text_of("language")).value_or(Language::kEnglish);
      hit.date = text_of("date");
      hit.agenda_item = text_of("agenda_item");
      hit.text = text_of("text");
      hit.path = records ? text_of("file") : text_of("path");
      hit.page = data.value("page", 0);
      hit.segment = data.value("segment", std::size_t{0});
      hit.ocr = data.value("ocr", false);
      hit.weight = it.get_weight();
      if (records) hit.record = entry.get_data();
      const EntryTerms terms = ReadEntryTerms(entry);
      if (const std::string& term = terms.identity; !term.empty()) {  // "Q<hash>:<n>"
        hit.content_hash = term.substr(term_prefix::kIdentity.size(), term.rfind(':') - term_prefix::kIdentity.size());
      }
      if (options.snippet_bytes > 0) {  // 0: no snippet (history reads the records only)
        const std::string_view stemmer = StemmerName(hit.language);
        // The window is one with the most weight of the query's words
        // (the text's beginning when it has none). Not Xapian's
        // background model, which only breaks ties between windows as
        // good for the query, by the other words' frequencies: it asks
        // them of every shard, twice a word (as written, then stemmed),
        // about 200 round trips a shard for ten hits of a remote index.
        unsigned flags = Xapian::MSet::SNIPPET_EXHAUSTIVE;
        if (hit.language == Language::kChinese && chinese_ == ChineseTerms::kBigrams) flags |= Xapian::MSet::SNIPPET_CJK_NGRAM;
        const std::string snippet_source = hit.language == Language::kArabic ? NormalizeArabic(hit.text) : hit.text;
        const std::string html = mset.snippet(snippet_source, options.snippet_bytes, Xapian::Stem(std::string(stemmer)),
                                              flags, "\x01", "\x02", "…");
        if (hit.language != Language::kChinese && !query_words.phrases.empty()) {
          // Xapian's snippet does not mark the words of a phrase: the
          // snippet's window is kept, its marks are the matched words.
          SearchOptions unmarked = options;
          unmarked.highlight_begin.clear();
          unmarked.highlight_end.clear();
          const std::string plain = PlainSnippet(html, unmarked);
          hit.snippet = MarkSpans(plain, MatchedSpans(plain, hit.language, query_terms_of(), stem_of(hit.language), {}, query_words),
                                  options);
        } else {
          hit.snippet = PlainSnippet(html, options);
          if (hit.language == Language::kChinese) hit.snippet = MarkHanRuns(hit.snippet, han_runs, options);
        }
      }
      if (options.marks && has_words && !records) {
        hit.marks = MatchedSpans(hit.text, hit.language, query_terms_of(), stem_of(hit.language),
                                 hit.language == Language::kChinese ? han_runs : std::vector<std::string>{}, query_words);
      }
      if (options.show && *options.show != hit.language && !records) {
        hit.parallel[*options.show] = AlignedText(impl_->shards.ShardOf(*it), terms.units, *options.show);
      }
      result->hits.push_back(std::move(hit));
    }
    CountFacet(languages, result->total, result->facets.languages);
    CountFacet(years, result->total, result->facets.years);
    CountFacet(series, result->total, result->facets.series);
    if (records && options.facets) {
      CountSplitFacet(recommending, result->total, result->facets.recommending);
      CountFacet(addressees, result->total, result->facets.addressees);
      CountFacet(responses, result->total, result->facets.responses);
      CountFacet(sessions, result->total, result->facets.sessions);
    }
    return Status::Ok();
  } catch (const Xapian::QueryParserError& error) {
    return Status(StatusCode::kInvalidArgument, "cannot read the query '" + std::string(query) + "': " + error.get_msg());
  } catch (const Xapian::Error& error) {
    return impl_->shards.Failure("searching", error);
  }
}

}  // namespace sextant
