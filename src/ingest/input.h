// Reading inputs: turns the paths given to `attache code` (plain-text dispatches, `-` for
// stdin, JSON Lines files of articles, PETRARCH XML and TABARI story files of records) into
// DocumentInputs, one at a time and in order.
//
// Every input document becomes exactly one InputItem: either a DocumentInput ready for the
// coder (possibly with diagnostics about what reading had to repair or cut), or an error
// that the caller turns into an error record. Nothing here throws or prints.
//
// Memory stays bounded: a document is read up to ReadOptions::max_document_bytes and the
// rest is skipped with a diagnostic; JSON Lines files are streamed line by line, PETRARCH
// XML files <Sentence> element by element, TABARI files record by record.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "attache/document.h"

namespace attache::ingest {

// How the files are read. kAuto goes by the file name's suffix: ".jsonl" JSON Lines,
// ".xml" PETRARCH XML, ".text" TABARI story file, anything else (and stdin) plain text.
enum class InputFormat { kAuto, kText, kJsonLines, kPetrarch, kTabari };

// What a PETRARCH <Sentence> contributes as the document's text: its <Text>, or the words
// of its <Parse> tree (what PETRARCH itself codes; a malformed tree is an error record).
enum class PetrarchText { kText, kParse };

struct ReadOptions {
  InputFormat format = InputFormat::kAuto;
  PetrarchText petrarch_text = PetrarchText::kText;
  // Bytes read per document; the rest is skipped with an "input_truncated" diagnostic.
  size_t max_document_bytes = 8u << 20;
  // Longest JSON Lines line accepted (the JSON escapes make a line longer than its text).
  size_t max_jsonl_line_bytes = 24u << 20;
  // Longest PETRARCH <Sentence> element or TABARI record accepted, markup and comments
  // included; a longer one is an error record ("record_too_long").
  size_t max_record_bytes = 24u << 20;
  // Above this share of ill-formed bytes the input is refused ("invalid_utf8") rather
  // than repaired with U+FFFD.
  double max_invalid_utf8_share = 0.25;
  // Above this share of control bytes (C0 other than tab, line feed, vertical tab, form
  // feed, carriage return; and DEL) in the first 64 KiB, or with any NUL byte there, the
  // input is taken as binary.
  double max_control_share = 0.05;
};

// Why an input could not be handed to the coder at all.
struct InputError {
  std::string code;     // missing_file, unreadable, binary_input, invalid_utf8, bad_json, ...
  std::string message;
};

// One input document, in input order.
struct InputItem {
  DocumentInput input;                  // id always set; text empty when `error` is set
  std::vector<Diagnostic> diagnostics;  // what reading repaired or cut; goes in the record
  std::optional<InputError> error;      // set: write an error record, do not code
  bool empty = false;                   // the document has no text (diagnostic "empty")
};

// Streams InputItems from a list of paths ("-" is stdin; with ReadOptions::format kAuto,
// "*.jsonl" is JSON Lines, one article per line; "*.xml" PETRARCH XML, one document per
// <Sentence>; "*.text" a TABARI story file, one document per record; anything else one
// plain-text document; any other format applies to every path, stdin included). A PETRARCH
// or TABARI file in which no record is found gives one error record ("no_records"). Not
// thread-safe: one reader, on one thread, feeds the coding pool.
class InputReader {
 public:
  InputReader(std::vector<std::string> paths, ReadOptions options,
              std::FILE* stdin_stream = stdin);
  ~InputReader();
  InputReader(const InputReader&) = delete;
  InputReader& operator=(const InputReader&) = delete;

  // Fills `item` with the next input document; false once every path is consumed.
  bool Next(InputItem* item);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// --- The pieces, exposed for the unit tests and for other front ends. ---

// True when `path` names a JSON Lines file (by its suffix, case-insensitive).
bool IsJsonLinesPath(std::string_view path);

// The format `path` is read in under `format` (kAuto resolved by the suffix; never kAuto).
InputFormat FormatForPath(std::string_view path, InputFormat format);

// "auto", "text", "jsonl", "petrarch", "tabari" -> the format; nullopt for anything else.
std::optional<InputFormat> ParseInputFormat(std::string_view name);

// The file name without directories and without its last extension ("a/b.x.txt" -> "b.x").
std::string FileStem(std::string_view path);

// A stable id derived from the bytes, for inputs with neither id nor file name.
std::string ContentHashId(std::string_view bytes);

// NUL bytes, or too many control bytes in the first 64 KiB.
bool LooksBinary(std::string_view bytes, double max_control_share);

// Copies `in` to `out`, replacing every maximal ill-formed subsequence by U+FFFD (the
// Unicode "best practice" also used by WHATWG decoders). Returns the number of bytes that
// were part of ill-formed sequences; 0 means `in` was valid and `out` equals it.
size_t RepairUtf8(std::string_view in, std::string* out);

// Whether `in` holds no well-formed multi-byte UTF-8 sequence but does hold bytes >= 0x80:
// the signature of a Latin-1 / Windows-1252 file.
bool LooksLikeWindows1252(std::string_view in);

// Decodes Windows-1252 to UTF-8 (the five undefined bytes become U+FFFD).
std::string DecodeWindows1252(std::string_view in);

// Turns raw bytes into document text: strips a UTF-8 BOM, decodes UTF-16 with a BOM,
// refuses binary or mostly ill-formed input (sets item->error), repairs the rest. Appends
// diagnostics to `item` and sets item->input.text on success.
void DecodeText(std::string bytes, const ReadOptions& options, InputItem* item);

// Parses one JSON Lines article. `line_number` is 1-based; `stem` names the file for the
// default id "<stem>:<line>". On a bad line, sets item->error and keeps the default id.
void ParseJsonLine(std::string_view line, std::string_view stem, std::string_view path,
                   int64_t line_number, const ReadOptions& options, InputItem* item);

// A compact date, "YYYYMMDD" or "YYMMDD" (00-29 -> 2000-2029, 30-99 -> 1930-1999, as the
// dictionary loader reads TABARI dates), as ISO "YYYY-MM-DD"; nullopt when it is not a
// date that exists on the calendar. `allow_two_digit_year` false accepts YYYYMMDD only.
std::optional<std::string> CompactDateToIso(std::string_view digits, bool allow_two_digit_year);

// The words of a Penn Treebank parse ("(ROOT (S (NP (NNP Arnor)) (VP (VBD left))))") as
// running text: the leaves in order, the treebank escapes undone (-LRB- "(", -RRB- ")",
// -LSB- "[", -RSB- "]", -LCB- "{", -RCB- "}", `` and '' a double quote, ` a single quote,
// \/ "/", \* "*"), empty elements (-NONE-) left out, and the spaces a tokenizer put before
// punctuation, closing brackets and quotes, and split-off clitics ("'s", "n't") and after
// opening brackets and quotes and "$" taken out again. False, with `*error` saying where,
// when the parse is not one well-formed tree: unbalanced brackets, a bracket with nothing
// in it, a word beside other children instead of alone in its (TAG word) bracket, content
// after the tree, or no words at all.
bool PennTreeText(std::string_view parse, std::string* text, std::string* error);

// Turns one PETRARCH <Sentence> element (its raw XML, as cut from the file) into an item:
// id from its id attribute (default "<stem>:<ordinal>"), published date from its date
// attribute (YYYYMMDD), text from <Text> or from the <Parse> tree's words as `options`
// say. Errors: bad_xml, bad_date, missing_text, bad_parse. `line` is where the element
// starts in `path`, for messages.
void ParsePetrarchSentence(std::string_view xml, std::string_view stem, std::string_view path,
                           int64_t ordinal, int64_t line, const ReadOptions& options,
                           InputItem* item);

// Turns one TABARI record into an item: `header` is its first line ("YYMMDD ID" or
// "YYYYMMDD ID"), `text` its other lines joined by spaces with the /* ... */ comments taken
// out. Id from the header (default "<stem>:<ordinal>"), published date from its date.
// Errors: bad_date, missing_text.
void ParseTabariRecord(std::string_view header, std::string text, std::string_view stem,
                       std::string_view path, int64_t ordinal, int64_t line,
                       const ReadOptions& options, InputItem* item);

// Reduces a language tag ("fr", "FR", "fr-CA", "en_GB") to its ISO 639-1 code; nullopt
// when it is not one.
std::optional<std::string> NormaliseLangTag(std::string_view tag);

}  // namespace attache::ingest
