// Unit tests for src/ingest/dispatch: headline, stamp, update note, byline, dateline, body
// and credits of French and English wire dispatches. The dispatches are invented here.
#include "ingest/dispatch.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

namespace attache::ingest {
namespace {

std::string Slice(std::string_view text, size_t b, size_t e) {
  return std::string(text.substr(b, e - b));
}

std::string Body(std::string_view text, const DispatchParts& p) {
  return Slice(text, p.body_begin, p.body_end);
}

std::string Title(std::string_view text, const DispatchParts& p) {
  return p.has_title ? Slice(text, p.title_begin, p.title_end) : "";
}

// Invariants every parse must keep: ranges inside the text, excluded ranges sorted and
// disjoint and outside the body, byte ranges of strings agreeing with the strings.
void CheckInvariants(std::string_view text, const DispatchParts& p) {
  ASSERT_LE(p.body_begin, p.body_end);
  ASSERT_LE(p.body_end, text.size());
  size_t last = 0;
  for (const ExcludedRange& r : p.excluded) {
    EXPECT_LE(r.begin, r.end);
    EXPECT_LE(r.end, text.size());
    EXPECT_GE(r.begin, last) << "excluded ranges overlap";
    last = r.end;
    bool outside = r.end <= p.body_begin || r.begin >= p.body_end;
    EXPECT_TRUE(outside) << "excluded range [" << r.begin << "," << r.end << ") in the body";
  }
  for (const DispatchCredit& c : p.credits) {
    EXPECT_EQ(Slice(text, c.name_begin, c.name_end), c.name);
    EXPECT_EQ(Slice(text, c.place_begin, c.place_end), c.place);
  }
  if (!p.version_note.empty()) {
    EXPECT_EQ(Slice(text, p.version_note_begin, p.version_note_end), p.version_note);
  }
  if (!p.dateline_place.empty()) {
    EXPECT_EQ(Slice(text, p.dateline_place_begin, p.dateline_place_end), p.dateline_place);
  }
}

DispatchParts Parse(std::string_view text, std::string_view lang = "",
                    std::string_view hint = {}) {
  DispatchParts p = ParseDispatch(text, lang, hint);
  CheckInvariants(text, p);
  return p;
}

struct Expected {
  std::string name, role, place;
};

void ExpectCredits(const DispatchParts& p, const std::vector<Expected>& want) {
  ASSERT_EQ(p.credits.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(p.credits[i].name, want[i].name) << i;
    EXPECT_EQ(p.credits[i].role, want[i].role) << i;
    EXPECT_EQ(p.credits[i].place, want[i].place) << i;
  }
}

// ---------------------------------------------------------------------------------------
// No header at all

TEST(DispatchTest, EmptyAndBlankText) {
  DispatchParts e = Parse("");
  EXPECT_EQ(e.body_begin, 0u);
  EXPECT_EQ(e.body_end, 0u);
  EXPECT_FALSE(e.has_title);
  DispatchParts b = Parse("   \n\r\n  ");
  EXPECT_EQ(b.body_begin, b.body_end);
  EXPECT_TRUE(b.credits.empty());
}

TEST(DispatchTest, PlainSentenceIsAllBody) {
  std::string t = "Les ministres se sont retrouvés mardi à Lisbonne.";
  DispatchParts p = Parse(t, "fr");
  EXPECT_FALSE(p.has_title);
  EXPECT_FALSE(p.has_dateline);
  EXPECT_TRUE(p.provider.empty());
  EXPECT_TRUE(p.published.empty());
  EXPECT_EQ(Body(t, p), t);
  EXPECT_TRUE(p.excluded.empty());
}

TEST(DispatchTest, ParagraphsWithoutHeaderStayWhole) {
  std::string t =
      "Le gouvernement a présenté son budget.\n"
      "Par ailleurs, les syndicats appellent à la grève.\n"
      "L'opposition dénonce un texte injuste (voir encadré)";
  DispatchParts p = Parse(t, "fr");
  EXPECT_FALSE(p.has_title);
  EXPECT_TRUE(p.credits.empty());
  EXPECT_EQ(Body(t, p), t);  // "Par ailleurs" is no byline, "(voir encadré)" no credit
  std::string inline_group = "Le journal a paru tard (édition du soir)";
  EXPECT_EQ(Body(inline_group, Parse(inline_group, "fr")), inline_group);
  std::string desk_only = "Le journal a paru tard.\n(Reportage bureau de Moscou)";
  EXPECT_EQ(Body(desk_only, Parse(desk_only, "fr")), "Le journal a paru tard.");
}

TEST(DispatchTest, FirstLineEndingWithAPeriodIsNoHeadline) {
  std::string t = "Le port a rouvert.\nLes navires attendent encore.";
  DispatchParts p = Parse(t);
  EXPECT_FALSE(p.has_title);
  EXPECT_EQ(p.body_begin, 0u);
}

// ---------------------------------------------------------------------------------------
// French wire styles

TEST(DispatchTest, FrenchTitleStampNoteBodyCredits) {
  std::string t =
      "Pourparlers franco-italiens à Rome sur les frontières information fournie par Reuters "
      "03/03/2025 à 09:40\n"
      "(Actualisé avec déclarations du ministre)\n"
      "Les ministres de l'Intérieur se sont vus lundi à Rome.\n"
      "Aucun accord n'a été annoncé.\n"
      "(Reportage Jean Martin à Rome, Léa Roux à Milan et bureau de Reuters à Paris, "
      "version française Claire Petit)";
  DispatchParts p = Parse(t, "fr");
  EXPECT_EQ(Title(t, p), "Pourparlers franco-italiens à Rome sur les frontières");
  EXPECT_EQ(p.provider, "Reuters");
  EXPECT_EQ(Slice(t, p.provider_begin, p.provider_end), "Reuters");
  EXPECT_EQ(p.published, "2025-03-03T09:40");
  EXPECT_EQ(Slice(t, p.published_begin, p.published_end), "03/03/2025 à 09:40");
  EXPECT_EQ(p.version_note, "Actualisé avec déclarations du ministre");
  EXPECT_EQ(Body(t, p),
            "Les ministres de l'Intérieur se sont vus lundi à Rome.\n"
            "Aucun accord n'a été annoncé.");
  ExpectCredits(p, {{"Jean Martin", "reporter", "Rome"},
                    {"Léa Roux", "reporter", "Milan"},
                    {"Claire Petit", "translator", ""}});
  ASSERT_EQ(p.excluded.size(), 4u);
  EXPECT_EQ(p.excluded[0].kind, PartKind::kTitle);
  EXPECT_EQ(p.excluded[1].kind, PartKind::kStamp);
  EXPECT_EQ(p.excluded[2].kind, PartKind::kVersionNote);
  EXPECT_EQ(p.excluded[3].kind, PartKind::kCredits);
}

TEST(DispatchTest, FrenchDatelineWithDate) {
  std::string t =
      "BEYROUTH, 3 mars (Reuters) - Le Premier ministre libanais a reçu mardi un émissaire.\n"
      "Il a promis des réformes.";
  DispatchParts p = Parse(t, "fr", "2025-03-04");
  EXPECT_TRUE(p.has_dateline);
  EXPECT_EQ(p.dateline_place, "BEYROUTH");
  EXPECT_EQ(p.dateline_date, "2025-03-03");
  EXPECT_EQ(Slice(t, p.dateline_date_begin, p.dateline_date_end), "3 mars");
  EXPECT_EQ(p.provider, "Reuters");
  EXPECT_TRUE(p.published.empty());  // no year in the dispatch itself
  EXPECT_EQ(Body(t, p).substr(0, 17), "Le Premier minist");
  EXPECT_EQ(Slice(t, p.dateline_begin, p.dateline_end), "BEYROUTH, 3 mars (Reuters) - ");
}

TEST(DispatchTest, FrenchDatelineWithoutDate) {
  std::string t = "NIAMEY (Reuters) - La junte a annoncé la fermeture de la frontière.";
  DispatchParts p = Parse(t, "fr");
  EXPECT_EQ(p.dateline_place, "NIAMEY");
  EXPECT_TRUE(p.dateline_date.empty());
  EXPECT_EQ(Body(t, p), "La junte a annoncé la fermeture de la frontière.");
}

TEST(DispatchTest, AfpDatelineGivesTheYear) {
  std::string t = "PARIS, 27 fév 2025 (AFP) - Le gouvernement a saisi le Conseil d'Etat.";
  DispatchParts p = Parse(t, "fr");
  EXPECT_EQ(p.provider, "AFP");
  EXPECT_EQ(p.dateline_place, "PARIS");
  EXPECT_EQ(p.dateline_date, "2025-02-27");
  EXPECT_EQ(p.published, "2025-02-27");
  EXPECT_EQ(Body(t, p), "Le gouvernement a saisi le Conseil d'Etat.");
}

TEST(DispatchTest, FrenchNoteWithSeveralItems) {
  std::string t =
      "Sanctions: Bruxelles frappe trois banques\n"
      "(Actualisé avec précisions, réaction du Kremlin)\n"
      "BRUXELLES, 24 février (Reuters) - L'Union européenne a adopté de nouvelles mesures.";
  DispatchParts p = Parse(t, "fr");
  EXPECT_EQ(Title(t, p), "Sanctions: Bruxelles frappe trois banques");
  EXPECT_EQ(p.version_note, "Actualisé avec précisions, réaction du Kremlin");
  EXPECT_EQ(p.dateline_date, "--02-24");  // no year anywhere
  EXPECT_EQ(Body(t, p), "L'Union européenne a adopté de nouvelles mesures.");
}

TEST(DispatchTest, PublieLeStampLine) {
  std::string t =
      "Grève dans les ports du Nord\n"
      "Publié le 27/02/2025 à 16h25\n"
      "Par Jeanne Durand\n"
      "Les dockers ont cessé le travail.";
  DispatchParts p = Parse(t, "fr");
  EXPECT_EQ(Title(t, p), "Grève dans les ports du Nord");
  EXPECT_EQ(p.published, "2025-02-27T16:25");
  ExpectCredits(p, {{"Jeanne Durand", "reporter", ""}});
  EXPECT_EQ(Body(t, p), "Les dockers ont cessé le travail.");
}

TEST(DispatchTest, RedigeParEditePar) {
  std::string t = "Le vote a été reporté.\n(Rédigé par Paul Girard, édité par Anne Morel)";
  DispatchParts p = Parse(t, "fr");
  ExpectCredits(p, {{"Paul Girard", "writer", ""}, {"Anne Morel", "editor", ""}});
  EXPECT_EQ(Body(t, p), "Le vote a été reporté.");
}

TEST(DispatchTest, AvecAfpNamesASource) {
  std::string t = "Le scrutin a été annulé.\n(Avec AFP)";
  DispatchParts p = Parse(t, "fr");
  EXPECT_TRUE(p.credits.empty());
  EXPECT_EQ(p.provider, "AFP");
  EXPECT_EQ(Body(t, p), "Le scrutin a été annulé.");
}

TEST(DispatchTest, VersionFrancaiseEditePar) {
  std::string t =
      "Le cessez-le-feu tient.\n"
      "(Reportage Omar Haddad; version française Lucie Blanc, édité par Marc Dubois)";
  DispatchParts p = Parse(t, "fr");
  ExpectCredits(p, {{"Omar Haddad", "reporter", ""},
                    {"Lucie Blanc", "translator", ""},
                    {"Marc Dubois", "editor", ""}});
}

// ---------------------------------------------------------------------------------------
// English wire styles

TEST(DispatchTest, EnglishSlugNoteBylineDatelineCredits) {
  std::string t =
      "UPDATE 2-Ministers meet in Oslo over fishing rights\n"
      "(Updates with comments from ministry)\n"
      "By Jane Roe\n"
      "OSLO, Feb 27 (Reuters) - Norway and Iceland held talks on Thursday.\n"
      "No deal was reached.\n"
      "(Reporting by Jane Roe in Oslo and Tom Hart in London; Editing by Ann Lee)";
  DispatchParts p = Parse(t, "en");
  EXPECT_EQ(Title(t, p), "Ministers meet in Oslo over fishing rights");
  EXPECT_EQ(p.version_note, "Updates with comments from ministry");
  EXPECT_EQ(p.dateline_place, "OSLO");
  EXPECT_EQ(p.dateline_date, "--02-27");
  EXPECT_EQ(p.provider, "Reuters");
  EXPECT_EQ(Body(t, p), "Norway and Iceland held talks on Thursday.\nNo deal was reached.");
  // The byline and the credits name Jane Roe twice: one credit, with the place.
  ExpectCredits(p, {{"Jane Roe", "reporter", "Oslo"},
                    {"Tom Hart", "reporter", "London"},
                    {"Ann Lee", "editor", ""}});
  DispatchParts hinted = Parse(t, "en", "2025-02-28T08:00");
  EXPECT_EQ(hinted.dateline_date, "2025-02-27");
}

TEST(DispatchTest, WashingtonDatelineWithHint) {
  std::string t = "WASHINGTON, March 3 (Reuters) - The Senate passed the bill.";
  DispatchParts p = Parse(t, "en", "2025-03-03");
  EXPECT_EQ(p.dateline_place, "WASHINGTON");
  EXPECT_EQ(p.dateline_date, "2025-03-03");
  EXPECT_EQ(Body(t, p), "The Senate passed the bill.");
}

TEST(DispatchTest, ApDatelineWithRegionAndEmDash) {
  std::string t = "KYIV, Ukraine (AP) — Drones struck a power plant overnight, officials said.";
  DispatchParts p = Parse(t, "en");
  EXPECT_EQ(p.provider, "AP");
  EXPECT_EQ(p.dateline_place, "KYIV");
  EXPECT_EQ(p.dateline_region, "Ukraine");
  EXPECT_EQ(Body(t, p), "Drones struck a power plant overnight, officials said.");
}

TEST(DispatchTest, BloombergDatelineWithoutPlace) {
  std::string t = "(Bloomberg) -- Oil rose for a third day as supply worries grew.";
  DispatchParts p = Parse(t, "en");
  EXPECT_EQ(p.provider, "Bloomberg");
  EXPECT_TRUE(p.dateline_place.empty());
  EXPECT_EQ(Body(t, p), "Oil rose for a third day as supply worries grew.");
}

TEST(DispatchTest, CapitalPlaceAndDashWithoutProvider) {
  std::string t = "KHARTOUM - Fighting spread to the east of the capital.";
  DispatchParts p = Parse(t, "en");
  EXPECT_EQ(p.dateline_place, "KHARTOUM");
  EXPECT_EQ(Body(t, p), "Fighting spread to the east of the capital.");
  std::string not_dateline = "Officials - and their aides - declined to comment.";
  EXPECT_FALSE(Parse(not_dateline, "en").has_dateline);
}

TEST(DispatchTest, WritingByEditingBy) {
  std::string t =
      "The envoy left Cairo.\n(Writing by Sara Klein; editing by Mike Dorn and Ruth Obi)";
  DispatchParts p = Parse(t, "en");
  ExpectCredits(p, {{"Sara Klein", "writer", ""},
                    {"Mike Dorn", "editor", ""},
                    {"Ruth Obi", "editor", ""}});
  EXPECT_EQ(Body(t, p), "The envoy left Cairo.");
}

TEST(DispatchTest, ReportingLineWithoutParentheses) {
  std::string t = "The port reopened.\n\nReporting by Li Wei; Editing by Grant Moss";
  DispatchParts p = Parse(t, "en");
  ExpectCredits(p, {{"Li Wei", "reporter", ""}, {"Grant Moss", "editor", ""}});
  EXPECT_EQ(Body(t, p), "The port reopened.");
}

TEST(DispatchTest, NonPersonCreditsAreSkipped) {
  std::string t =
      "Protests continued.\n"
      "(Reporting by Reuters TV, Gdansk newsroom and Omar Said in Cairo; Editing by Kim Ho)";
  DispatchParts p = Parse(t, "en");
  ExpectCredits(p, {{"Omar Said", "reporter", "Cairo"}, {"Kim Ho", "editor", ""}});
}

TEST(DispatchTest, AdditionalReportingAndBoilerplate) {
  std::string t =
      "Talks ended without a deal.\n"
      "(Additional reporting by Nadia Karim in Doha; Writing by Ben Cole)\n"
      "Our Standards: The Thomson Reuters Trust Principles.";
  DispatchParts p = Parse(t, "en");
  ExpectCredits(p, {{"Nadia Karim", "reporter", "Doha"}, {"Ben Cole", "writer", ""}});
  EXPECT_EQ(Body(t, p), "Talks ended without a deal.");
  ASSERT_EQ(p.excluded.size(), 2u);
  EXPECT_EQ(p.excluded[1].kind, PartKind::kBoilerplate);
}

TEST(DispatchTest, ApContributedLine) {
  std::string t =
      "Voters went to the polls.\n"
      "Associated Press writer Ana Diaz in Madrid contributed to this report.";
  DispatchParts p = Parse(t, "en");
  ExpectCredits(p, {{"Ana Diaz", "reporter", "Madrid"}});
  EXPECT_EQ(Body(t, p), "Voters went to the polls.");
}

TEST(DispatchTest, ApContributedWithRegion) {
  std::string t =
      "Ships were turned back.\n___\n"
      "Associated Press writers Mei Lin in Taipei, Taiwan, and Raj Patel in Mumbai, India, "
      "contributed to this report.";
  DispatchParts p = Parse(t, "en");
  ExpectCredits(p, {{"Mei Lin", "reporter", "Taipei, Taiwan"},
                    {"Raj Patel", "reporter", "Mumbai, India"}});
  EXPECT_EQ(Body(t, p), "Ships were turned back.");
}

TEST(DispatchTest, AfpSignoffIsExcluded) {
  std::string t =
      "Séisme: au moins 12 morts\n\n"
      "LIMA, 4 mars 2025 (AFP) - Un séisme a frappé le sud du pays.\n\n"
      "abc-de/fgh";
  DispatchParts p = Parse(t, "fr");
  EXPECT_EQ(Body(t, p), "Un séisme a frappé le sud du pays.");
  EXPECT_EQ(p.excluded.back().kind, PartKind::kCredits);
  EXPECT_TRUE(p.credits.empty());
}

TEST(DispatchTest, BylineWithProvider) {
  std::string t = "By JANE DOE Associated Press\nROME (AP) — The pope met the president.";
  DispatchParts p = Parse(t, "en");
  ExpectCredits(p, {{"JANE DOE", "reporter", ""}});
  EXPECT_EQ(p.provider, "AP");
  EXPECT_EQ(Body(t, p), "The pope met the president.");
  std::string prose = "By contrast, the markets were calm.";
  EXPECT_TRUE(Parse(prose, "en").credits.empty());
}

// ---------------------------------------------------------------------------------------
// Stamps

TEST(DispatchTest, EnglishStampLines) {
  std::string a = "Rates held steady\nFeb 27, 2025 4:25 PM\nThe bank kept rates unchanged.";
  DispatchParts pa = Parse(a, "en");
  EXPECT_EQ(pa.published, "2025-02-27T16:25");
  EXPECT_EQ(Body(a, pa), "The bank kept rates unchanged.");
  std::string b = "Rates held steady\n27 Feb 2025 16:25 GMT\nThe bank kept rates unchanged.";
  EXPECT_EQ(Parse(b, "en").published, "2025-02-27T16:25+00:00");
  std::string c = "Rates held steady\nUpdated Feb 27, 2025 4:25 PM EST\nThe bank kept rates.";
  EXPECT_EQ(Parse(c, "en").published, "2025-02-27T16:25-05:00");
  std::string d = "Rates held steady\n2025-02-27T16:25:00Z\nThe bank kept rates.";
  EXPECT_EQ(Parse(d, "en").published, "2025-02-27T16:25+00:00");
}

TEST(DispatchTest, TitleWithProviderSuffix) {
  std::string t = "Floods force thousands from their homes | Reuters\nRivers burst their banks.";
  DispatchParts p = Parse(t, "en");
  EXPECT_EQ(Title(t, p), "Floods force thousands from their homes");
  EXPECT_EQ(p.provider, "Reuters");
  std::string u = "Heavy snow closes airports (AFP)\nFlights were cancelled.";
  DispatchParts q = Parse(u, "en");
  EXPECT_EQ(Title(u, q), "Heavy snow closes airports");
  EXPECT_EQ(q.provider, "AFP");
}

TEST(DispatchTest, HeadlineEndingWithADateIsNotAStamp) {
  std::string t = "Summit set for March 3, 2025\nLeaders will meet in Vienna.";
  DispatchParts p = Parse(t, "en");
  EXPECT_EQ(Title(t, p), "Summit set for March 3, 2025");
  EXPECT_TRUE(p.published.empty());
}

TEST(DispatchTest, MoreNotesAndDatelines) {
  std::string t =
      "Talks stall\n(Recasts with ministers' remarks)\n"
      "LONDON/PARIS, Feb 27 (Reuters) - Britain and France agreed.";
  DispatchParts p = Parse(t, "en", "2025-02-27");
  EXPECT_EQ(p.version_note, "Recasts with ministers' remarks");
  EXPECT_EQ(p.dateline_place, "LONDON/PARIS");
  EXPECT_EQ(p.dateline_date, "2025-02-27");
  EXPECT_EQ(Body(t, p), "Britain and France agreed.");
  std::string u =
      "Quake hits coast\n(Corrects spelling of mayor's name in paragraph 3)\n"
      "SAN JOSE, Calif., Feb 27 (Reuters) - A quake struck.";
  DispatchParts q = Parse(u, "en");
  EXPECT_EQ(q.dateline_place, "SAN JOSE");
  EXPECT_EQ(q.dateline_region, "Calif.");
  EXPECT_EQ(Body(u, q), "A quake struck.");
  std::string v = "Feb 27 (Reuters) - Gold prices rose.";
  DispatchParts r = Parse(v, "en");
  EXPECT_TRUE(r.dateline_place.empty());
  EXPECT_EQ(r.dateline_date, "--02-27");
  EXPECT_EQ(Body(v, r), "Gold prices rose.");
}

TEST(DispatchTest, BylineVariants) {
  std::string t = "Army deploys\nBy Jane Doe and John Roe | Reuters\nBEIRUT (Reuters) - Troops moved.";
  ExpectCredits(Parse(t, "en"), {{"Jane Doe", "reporter", ""}, {"John Roe", "reporter", ""}});
  std::string u = "L'armée se déploie\nPar Jeanne DUVAL (AFP)\nDAKAR (AFP) - Les troupes ont bougé.";
  DispatchParts p = Parse(u, "fr");
  ExpectCredits(p, {{"Jeanne DUVAL", "reporter", ""}});
  EXPECT_EQ(Body(u, p), "Les troupes ont bougé.");
}

TEST(DispatchTest, CreditsOpeningWithADesk) {
  std::string t =
      "MOSCOU, 3 mars (Reuters) - Le Kremlin a réagi.\n"
      "(Bureau de Moscou; version française Jean Dupont)";
  DispatchParts p = Parse(t, "fr");
  ExpectCredits(p, {{"Jean Dupont", "translator", ""}});
  EXPECT_EQ(Body(t, p), "Le Kremlin a réagi.");
}

TEST(DispatchTest, StampAloneOnTheFirstLine) {
  std::string t = "Vendredi 28 février 2025 à 10h12\nLe texte commence.";
  DispatchParts p = Parse(t, "fr");
  EXPECT_FALSE(p.has_title);
  EXPECT_EQ(p.published, "2025-02-28T10:12");
  EXPECT_EQ(Body(t, p), "Le texte commence.");
}

TEST(DispatchTest, AdsDetailsNote) {
  std::string t =
      "Court blocks the decree\n(Adds details in paragraphs 4-5)\nThe ruling was unanimous.";
  DispatchParts p = Parse(t, "en");
  EXPECT_EQ(p.version_note, "Adds details in paragraphs 4-5");
  EXPECT_EQ(Body(t, p), "The ruling was unanimous.");
}

// ---------------------------------------------------------------------------------------
// Robustness

TEST(DispatchTest, CrlfLineEnds) {
  std::string t =
      "Accord sur le blé en mer Noire\r\n"
      "(Actualisé avec réaction d'Ankara)\r\n"
      "ANKARA, 12 mars (Reuters) - La Turquie a salué l'accord.\r\n"
      "(Reportage Ayse Kaya à Ankara, édité par Hugo Lenoir)\r\n";
  DispatchParts p = Parse(t, "fr");
  EXPECT_EQ(Title(t, p), "Accord sur le blé en mer Noire");
  EXPECT_EQ(p.version_note, "Actualisé avec réaction d'Ankara");
  EXPECT_EQ(p.dateline_place, "ANKARA");
  EXPECT_EQ(Body(t, p), "La Turquie a salué l'accord.");
  ExpectCredits(p, {{"Ayse Kaya", "reporter", "Ankara"}, {"Hugo Lenoir", "editor", ""}});
}

TEST(DispatchTest, SingleEnormousLine) {
  std::string sentence = "Les discussions se poursuivent sans avancée notable. ";
  std::string body;
  while (body.size() < 2'000'000) body += sentence;
  body.pop_back();
  std::string t = "Négociations à Genève information fournie par Reuters 27/02/2025 à 16:25 "
                  "(Actualisé avec bilan) GENEVE, 27 février (Reuters) - " +
                  body + " (Reportage Nina Berg à Genève, édité par Yves Caron)";
  auto start = std::chrono::steady_clock::now();
  DispatchParts p = Parse(t, "fr");
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                std::chrono::steady_clock::now() - start)
                .count();
  EXPECT_LT(ms, 2000);
  EXPECT_EQ(Title(t, p), "Négociations à Genève");
  EXPECT_EQ(p.published, "2025-02-27T16:25");
  EXPECT_EQ(p.version_note, "Actualisé avec bilan");
  EXPECT_EQ(p.dateline_place, "GENEVE");
  EXPECT_EQ(p.dateline_date, "2025-02-27");
  EXPECT_EQ(Body(t, p), body);
  ExpectCredits(p, {{"Nina Berg", "reporter", "Genève"}, {"Yves Caron", "editor", ""}});
}

TEST(DispatchTest, EnormousLineWithoutHeader) {
  std::string t(3'000'000, 'x');
  DispatchParts p = Parse(t);
  EXPECT_EQ(p.body_begin, 0u);
  EXPECT_EQ(p.body_end, t.size());
}

TEST(DispatchTest, HeadersAndCreditsNeverLeakIntoTheBody) {
  const std::vector<std::string> texts = {
      "Titre court\n(Actualisé avec bilan)\nPARIS, 2 mars (Reuters) - Texte.\n(Reportage A B)",
      "Headline here\nBy Ann Lee\nLIMA (Reuters) - Text.\n(Reporting by Ann Lee; Editing by C D)",
      "(Reuters) - Text only.\n(Writing by E F)",
      "Titre information fournie par AFP 01/02/2025 à 08:00\nTexte.\n(Avec Reuters)",
  };
  for (const std::string& t : texts) {
    DispatchParts p = Parse(t);
    std::string body = Body(t, p);
    for (const char* marker : {"(Reuters)", "Actualisé", "Reporting", "Reportage", "Writing",
                               "By Ann", "information fournie", "(Avec", "Titre", "Headline"}) {
      EXPECT_EQ(body.find(marker), std::string::npos) << marker << " in: " << body;
    }
    EXPECT_TRUE(body.rfind("Text", 0) == 0 || body.rfind("Texte", 0) == 0) << body;
  }
}

TEST(DispatchTest, UnbalancedParenthesesAndOddBytes) {
  for (const std::string& t : {std::string("((((((("), std::string(")))))"),
                               std::string("Titre\n(Actualisé avec"),
                               std::string("Texte.\n(Reportage Jean"),
                               std::string("\xEF\xBB\xBFTexte sans BOM."),
                               std::string("Texte \xFF\xFE cassé.\n(Reportage \xC3)"),
                               std::string("\n\n\n(Reuters) -")}) {
    EXPECT_NO_FATAL_FAILURE(Parse(t));
  }
  std::string bom = "\xEF\xBB\xBFLe texte commence ici.";
  EXPECT_EQ(Body(bom, Parse(bom)), "Le texte commence ici.");
}

}  // namespace
}  // namespace attache::ingest
