// Unit tests for src/time: calendar arithmetic, the ICU + pack vocabulary, and time
// expressions in French and English resolved against fixed publication dates.
#include "time/time.h"

#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace attache::timex {
namespace {

std::string ReadPack(const std::string& lang) {
  std::ifstream in(std::string(ATTACHE_SOURCE_DIR) + "/data/lang/" + lang + "/time.txt");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const TimeWords& Words(const std::string& lang) {
  static std::unique_ptr<TimeWords> fr, en;
  std::unique_ptr<TimeWords>& slot = lang == "fr" ? fr : en;
  if (!slot) {
    auto built = TimeWords::Build(lang, ReadPack(lang));
    EXPECT_TRUE(built.ok()) << built.status().message();
    slot = std::make_unique<TimeWords>(std::move(built.value()));
  }
  return *slot;
}

// Thursday 27 February 2025, the founding dispatch's date.
const CivilDate kThu{2025, 2, 27};

struct Found {
  std::string text, value, future, kind, precision;
  bool partial = false;
};

std::vector<Found> Find(const std::string& lang, const std::string& sentence,
                        CivilDate pub = kThu) {
  std::vector<Found> out;
  for (const TimeExpr& e : FindTimes(sentence, Words(lang), pub)) {
    Found f;
    f.text = sentence.substr(e.begin, e.end - e.begin);
    f.value = e.value;
    f.future = e.value_future;
    f.kind = std::string(KindName(e.kind));
    f.precision = std::string(PrecisionName(e.precision));
    f.partial = e.weekday_or_partial;
    out.push_back(f);
  }
  return out;
}

// The single expression in `sentence`; fails the test when there is not exactly one.
Found One(const std::string& lang, const std::string& sentence, CivilDate pub = kThu) {
  auto all = Find(lang, sentence, pub);
  EXPECT_EQ(all.size(), 1u) << sentence;
  return all.empty() ? Found{} : all[0];
}

// ---------------------------------------------------------------------------------------
// CivilDate

TEST(CivilDateTest, EpochAndRoundTrip) {
  EXPECT_EQ((CivilDate{1970, 1, 1}).ToDays(), 0);
  EXPECT_EQ(CivilDate::FromDays(0), (CivilDate{1970, 1, 1}));
  for (int64_t d = -800000; d < 800000; d += 997) {
    EXPECT_EQ(CivilDate::FromDays(d).ToDays(), d);
  }
  EXPECT_EQ(kThu.ToDays(), 20146);
}

TEST(CivilDateTest, Weekdays) {
  EXPECT_EQ(kThu.Weekday(), 4);
  EXPECT_EQ((CivilDate{1970, 1, 1}).Weekday(), 4);
  EXPECT_EQ((CivilDate{2025, 3, 2}).Weekday(), 7);
  EXPECT_EQ((CivilDate{2024, 12, 30}).Weekday(), 1);
  EXPECT_EQ((CivilDate{1969, 12, 29}).Weekday(), 1);
}

TEST(CivilDateTest, LeapYears) {
  EXPECT_TRUE(CivilDate::IsLeapYear(2024));
  EXPECT_TRUE(CivilDate::IsLeapYear(2000));
  EXPECT_FALSE(CivilDate::IsLeapYear(1900));
  EXPECT_FALSE(CivilDate::IsLeapYear(2025));
  EXPECT_TRUE((CivilDate{2024, 2, 29}).IsValid());
  EXPECT_FALSE((CivilDate{2025, 2, 29}).IsValid());
  EXPECT_FALSE((CivilDate{2025, 4, 31}).IsValid());
  EXPECT_FALSE((CivilDate{2025, 13, 1}).IsValid());
  EXPECT_EQ((CivilDate{2024, 3, 1}).AddDays(-1), (CivilDate{2024, 2, 29}));
}

TEST(CivilDateTest, AddMonthsClampsTheDay) {
  EXPECT_EQ((CivilDate{2025, 1, 31}).AddMonths(1), (CivilDate{2025, 2, 28}));
  EXPECT_EQ((CivilDate{2024, 1, 31}).AddMonths(1), (CivilDate{2024, 2, 29}));
  EXPECT_EQ((CivilDate{2025, 1, 15}).AddMonths(-1), (CivilDate{2024, 12, 15}));
  EXPECT_EQ((CivilDate{2025, 3, 31}).AddMonths(-13), (CivilDate{2024, 2, 29}));
  EXPECT_EQ((CivilDate{2024, 2, 29}).AddYears(1), (CivilDate{2025, 2, 28}));
  EXPECT_EQ(kThu.AddDays(3).Format(), "2025-03-02");
  EXPECT_EQ(kThu.FormatMonth(), "2025-02");
}

TEST(CivilDateTest, ParseIso) {
  EXPECT_EQ(CivilDate::ParseIso("2025-02-27"), kThu);
  EXPECT_EQ(CivilDate::ParseIso("2025-02-27T16:25+01:00"), kThu);
  EXPECT_EQ(CivilDate::ParseIso("2025-02-27 16:25"), kThu);
  EXPECT_FALSE(CivilDate::ParseIso("2025-02-30"));
  EXPECT_FALSE(CivilDate::ParseIso("27/02/2025"));
  EXPECT_FALSE(CivilDate::ParseIso("2025-2-27"));
  EXPECT_FALSE(CivilDate::ParseIso(""));
  EXPECT_FALSE(CivilDate::ParseIso("2025-02-27x"));
}

TEST(CivilDateTest, ParsePartialPlacesYearAndMonthOnTheirFirstDay) {
  EXPECT_EQ(CivilDate::ParsePartial("2025-02-27"), kThu);
  EXPECT_EQ(CivilDate::ParsePartial("2025-02-27T16:25+01:00"), kThu);
  EXPECT_EQ(CivilDate::ParsePartial("2025-02"), (CivilDate{2025, 2, 1}));
  EXPECT_EQ(CivilDate::ParsePartial("2025"), (CivilDate{2025, 1, 1}));
  EXPECT_FALSE(CivilDate::ParsePartial("2025-W09"));
  EXPECT_FALSE(CivilDate::ParsePartial("2025-13"));
  EXPECT_FALSE(CivilDate::ParsePartial("2025-02-30"));
  EXPECT_FALSE(CivilDate::ParsePartial("2025-02-xx"));
  EXPECT_FALSE(CivilDate::ParsePartial("25-02-27"));
  EXPECT_FALSE(CivilDate::ParsePartial(""));
}

TEST(CivilDateTest, DayOfYear) {
  EXPECT_EQ((CivilDate{2025, 1, 1}).DayOfYear(), 1);
  EXPECT_EQ(kThu.DayOfYear(), 58);
  EXPECT_EQ((CivilDate{2024, 12, 31}).DayOfYear(), 366);
  EXPECT_EQ((CivilDate{2025, 12, 31}).DayOfYear(), 365);
}

// ---------------------------------------------------------------------------------------
// Vocabulary

TEST(TimeWordsTest, MonthAndWeekdayNamesComeFromIcu) {
  const TimeWords& fr = Words("fr");
  const TimeWords& en = Words("en");
  EXPECT_EQ(fr.MonthOf("février"), 2);
  EXPECT_EQ(fr.MonthOf("FEVRIER"), 2);
  EXPECT_EQ(fr.MonthOf("févr."), 2);
  EXPECT_EQ(fr.MonthOf("fév"), 2);  // a truncation of CLDR's "févr."
  EXPECT_EQ(fr.MonthOf("juill."), 7);  // fr-CA
  EXPECT_EQ(fr.MonthOf("jui"), 0);     // juin or juillet: neither
  EXPECT_EQ(fr.MonthOf("août"), 8);
  EXPECT_EQ(fr.WeekdayOf("Jeudi"), 4);
  EXPECT_EQ(fr.WeekdayOf("dim."), 7);
  EXPECT_EQ(en.MonthOf("Sept."), 9);  // en-GB
  EXPECT_EQ(en.MonthOf("Feb"), 2);
  EXPECT_EQ(en.MonthOf("may"), 5);
  EXPECT_EQ(en.MonthOf("marsupial"), 0);
  EXPECT_EQ(en.WeekdayOf("THURSDAY"), 4);
  EXPECT_EQ(en.WeekdayOf("Sun"), 7);
  EXPECT_FALSE(fr.month_first());
  EXPECT_TRUE(en.month_first());
}

TEST(TimeWordsTest, PackErrorsNameTheLine) {
  auto bad = TimeWords::Build("fr", "[relative]\nhier = -1d\n\n[nonsense]\nx\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find(":4:"), std::string::npos) << bad.status().message();
  EXPECT_FALSE(TimeWords::Build("fr", "[relative]\nhier = yesterday\n").ok());
  EXPECT_FALSE(TimeWords::Build("fr", "hier = -1d\n").ok());
  EXPECT_FALSE(TimeWords::Build("fr", "[unit]\njour = fortnight\n").ok());
  EXPECT_FALSE(TimeWords::Build("fr", "[clock]\nmidi = noon\n").ok());
  EXPECT_FALSE(TimeWords::Build("fr", "[settings]\nnumeric dates = sideways\n").ok());
  EXPECT_TRUE(TimeWords::Build("fr", "").ok());
  EXPECT_FALSE(TimeWords::Build("", "").ok());
}

// ---------------------------------------------------------------------------------------
// French, published Thursday 2025-02-27

TEST(FrenchTimeTest, WeekdaysOfTheWeekOfPublication) {
  Found a = One("fr", "Des délégués se sont retrouvés jeudi à Oslo.");
  EXPECT_EQ(a.text, "jeudi");
  EXPECT_EQ(a.value, "2025-02-27");
  EXPECT_EQ(a.future, "2025-02-27");
  EXPECT_TRUE(a.partial);
  EXPECT_EQ(a.kind, "DATE");
  EXPECT_EQ(a.precision, "day");

  Found b = One("fr", "\"Rien n'est décidé\", a indiqué mercredi une source.");
  EXPECT_EQ(b.text, "mercredi");
  EXPECT_EQ(b.value, "2025-02-26");
  EXPECT_EQ(b.future, "2025-03-05");

  Found c = One("fr", "Le sommet s'ouvrira lundi à Bruxelles.");
  EXPECT_EQ(c.value, "2025-02-24");
  EXPECT_EQ(c.future, "2025-03-03");  // the caller picks this for a future tense
}

TEST(FrenchTimeTest, DernierAndProchainAreStrict) {
  EXPECT_EQ(One("fr", "Il l'avait reçu mercredi dernier.").value, "2025-02-26");
  Found thu = One("fr", "Ils se sont vus jeudi dernier.");
  EXPECT_EQ(thu.text, "jeudi dernier");
  EXPECT_EQ(thu.value, "2025-02-20");
  EXPECT_FALSE(thu.partial);
  EXPECT_EQ(One("fr", "Ils se reverront jeudi prochain.").value, "2025-03-06");
  EXPECT_EQ(One("fr", "Rendez-vous vendredi prochain.").value, "2025-02-28");
}

TEST(FrenchTimeTest, DayAndMonthWithoutYear) {
  auto all = Find("fr",
                  "L'appel du 12 février entre les deux chefs d'Etat a précédé la réunion de "
                  "Genève le 18 février.");
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].text, "12 février");
  EXPECT_EQ(all[0].value, "2025-02-12");
  EXPECT_EQ(all[0].future, "2026-02-12");
  EXPECT_TRUE(all[0].partial);
  EXPECT_EQ(all[1].text, "18 février");
  EXPECT_EQ(all[1].value, "2025-02-18");
}

TEST(FrenchTimeTest, DateMoreThanSixMonthsAheadIsLastYear) {
  Found a = One("fr", "L'accord signé le 12 décembre a tenu.");
  EXPECT_EQ(a.value, "2024-12-12");
  EXPECT_EQ(a.future, "2025-12-12");
  Found b = One("fr", "Les élections auront lieu le 20 juillet.");
  EXPECT_EQ(b.value, "2025-07-20");  // 143 days ahead: still this year
}

TEST(FrenchTimeTest, ExplicitYears) {
  Found a = One("fr", "Le traité du 12 février 2024 reste en vigueur.");
  EXPECT_EQ(a.text, "12 février 2024");
  EXPECT_EQ(a.value, "2024-02-12");
  EXPECT_FALSE(a.partial);
  Found y = One("fr", "Les relations se dégradent depuis 2022, selon lui.");
  EXPECT_EQ(y.text, "2022");
  EXPECT_EQ(y.value, "2022");
  EXPECT_EQ(y.precision, "year");
  EXPECT_EQ(One("fr", "C'était en 2019.").value, "2019");
  Found m = One("fr", "Le cessez-le-feu d'octobre 2023 a volé en éclats.");
  EXPECT_EQ(m.text, "octobre 2023");
  EXPECT_EQ(m.value, "2023-10");
  EXPECT_EQ(m.precision, "month");
  EXPECT_EQ(One("fr", "Le chantier sera achevé fin 2026.").value, "2026");
}

TEST(FrenchTimeTest, RelativeDays) {
  EXPECT_EQ(One("fr", "Il est arrivé hier à Paris.").value, "2025-02-26");
  EXPECT_EQ(One("fr", "Il est arrivé avant-hier.").value, "2025-02-25");
  EXPECT_EQ(One("fr", "Il partira demain.").value, "2025-02-28");
  EXPECT_EQ(One("fr", "Il partira après-demain.").value, "2025-03-01");
  Found today = One("fr", "Elle s’exprimera aujourd’hui devant la presse.");
  EXPECT_EQ(today.text, "aujourd’hui");
  EXPECT_EQ(today.value, "2025-02-27");
  Found evening = One("fr", "Le texte a été adopté hier soir.");
  EXPECT_EQ(evening.text, "hier soir");
  EXPECT_EQ(evening.value, "2025-02-26");
  EXPECT_EQ(One("fr", "Il l'a annoncé ce matin.").value, "2025-02-27");
}

TEST(FrenchTimeTest, RelativeWeeksMonthsYears) {
  Found w = One("fr", "La semaine dernière, Kiev a rejeté l'offre.");
  EXPECT_EQ(w.text, "La semaine dernière");
  EXPECT_EQ(w.value, "2025-02-17");  // Monday of the previous week
  EXPECT_EQ(w.precision, "week");
  EXPECT_EQ(One("fr", "Il reviendra la semaine prochaine.").value, "2025-03-03");
  Found m = One("fr", "Le mois dernier, les prix ont baissé.");
  EXPECT_EQ(m.value, "2025-01");
  EXPECT_EQ(m.precision, "month");
  Found y = One("fr", "L'an dernier, le pays a voté.");
  EXPECT_EQ(y.value, "2024");
  EXPECT_EQ(y.precision, "year");
  EXPECT_EQ(One("fr", "Un vote est prévu l'année prochaine.").value, "2026");
  EXPECT_EQ(One("fr", "Cette semaine, la tension est montée.").value, "2025-02-24");
}

TEST(FrenchTimeTest, BareMonthNeedsALead) {
  Found jan = One("fr", "Les combats ont repris en janvier.");
  EXPECT_EQ(jan.text, "janvier");
  EXPECT_EQ(jan.value, "2025-01");
  EXPECT_EQ(jan.future, "2026-01");
  EXPECT_TRUE(jan.partial);
  Found mar = One("fr", "Une conférence aura lieu en mars.");
  EXPECT_EQ(mar.value, "2024-03");
  EXPECT_EQ(mar.future, "2025-03");
  EXPECT_EQ(One("fr", "Les pourparlers reprendront mi-mars.").future, "2025-03");
  EXPECT_EQ(One("fr", "Il a démissionné en février.").value, "2025-02");
  Found last = One("fr", "Depuis janvier dernier, rien n'a bougé.");
  EXPECT_EQ(last.text, "janvier dernier");
  EXPECT_EQ(last.value, "2025-01");
  EXPECT_FALSE(last.partial);
  EXPECT_EQ(One("fr", "Rien avant septembre prochain.").value, "2025-09");
}

TEST(FrenchTimeTest, DayAlone) {
  Found a = One("fr", "Il a été libéré le 18 à l'aube.");
  EXPECT_EQ(a.text, "18");
  EXPECT_EQ(a.value, "2025-02-18");
  EXPECT_TRUE(a.partial);
  Found b = One("fr", "La réunion du 28 sera décisive.");
  EXPECT_EQ(b.value, "2025-01-28");
  EXPECT_EQ(b.future, "2025-02-28");
  Found c = One("fr", "Le vote est prévu le 31.", CivilDate{2025, 3, 5});
  EXPECT_EQ(c.value, "2025-01-31");  // February has no 31st
  EXPECT_EQ(c.future, "2025-03-31");
  EXPECT_EQ(One("fr", "Il sera là dès le 1er.").text, "1er");
}

TEST(FrenchTimeTest, RangesAndOrdinals) {
  auto r = Find("fr", "Le forum se tiendra du 12 au 14 mars.");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].text, "12");
  EXPECT_EQ(r[0].value, "2025-03-12");
  EXPECT_EQ(r[1].text, "14 mars");
  EXPECT_EQ(r[1].value, "2025-03-14");
  auto et = Find("fr", "Les 3 et 4 avril 2024, ils ont négocié.");
  ASSERT_EQ(et.size(), 2u);
  EXPECT_EQ(et[0].value, "2024-04-03");
  EXPECT_EQ(et[1].value, "2024-04-04");
  Found first = One("fr", "Les tarifs changent le 1er mars.");
  EXPECT_EQ(first.text, "1er mars");
  EXPECT_EQ(first.value, "2025-03-01");
}

TEST(FrenchTimeTest, WeekdayWithDateAndDayparts) {
  Found a = One("fr", "La rencontre de jeudi 27 février a duré.");
  EXPECT_EQ(a.text, "jeudi 27 février");
  EXPECT_EQ(a.value, "2025-02-27");
  Found b = One("fr", "Il a été reçu lundi soir à l'Elysée.");
  EXPECT_EQ(b.text, "lundi soir");
  EXPECT_EQ(b.value, "2025-02-24");
  Found c = One("fr", "Ce lundi, il a parlé.");
  EXPECT_EQ(c.text, "Ce lundi");
  EXPECT_EQ(c.value, "2025-02-24");
  EXPECT_EQ(c.future, "2025-03-03");
}

TEST(FrenchTimeTest, AgoAheadAndDurations) {
  Found ago = One("fr", "Il y a deux jours, l'armée a reculé.");
  EXPECT_EQ(ago.text, "Il y a deux jours");
  EXPECT_EQ(ago.value, "2025-02-25");
  EXPECT_FALSE(ago.partial);
  EXPECT_EQ(One("fr", "Ils se sont parlé il y a deux semaines.").value, "2025-02-10");
  EXPECT_EQ(One("fr", "La trêve expire dans trois jours.").value, "2025-03-02");
  Found six = One("fr", "Selon l'agence, elles ont duré six heures.");
  EXPECT_EQ(six.text, "six heures");
  EXPECT_EQ(six.value, "PT6H");
  EXPECT_EQ(six.kind, "DURATION");
  EXPECT_EQ(six.precision, "none");
  Found d = One("fr", "Le sommet a eu lieu pendant trois jours.");
  EXPECT_EQ(d.text, "trois jours");
  EXPECT_EQ(d.value, "P3D");
  EXPECT_EQ(One("fr", "Il est en poste depuis un an.").value, "P1Y");
  EXPECT_EQ(One("fr", "Un délai de 48 heures a été fixé.").value, "PT48H");
  EXPECT_EQ(One("fr", "La visite durera une dizaine de jours.").value, "P10D");
}

TEST(FrenchTimeTest, NumericDatesAndClockTimes) {
  EXPECT_EQ(One("fr", "Mis en ligne le 27/02/2025.").value, "2025-02-27");
  EXPECT_EQ(One("fr", "Décret du 03/04/2025.").value, "2025-04-03");  // day first
  EXPECT_EQ(One("fr", "Horodatage 2025-02-27.").value, "2025-02-27");
  EXPECT_EQ(One("fr", "Le 27.02.2025, rien.").value, "2025-02-27");
  Found t = One("fr", "La séance a repris à 16h25.");
  EXPECT_EQ(t.text, "16h25");
  EXPECT_EQ(t.kind, "TIME");
  EXPECT_EQ(t.value, "2025-02-27T16:25");
  EXPECT_TRUE(t.partial);
  auto jt = Find("fr", "Il parlera jeudi à 16 heures 30.");
  ASSERT_EQ(jt.size(), 2u);
  EXPECT_EQ(jt[1].text, "16 heures 30");
  EXPECT_EQ(jt[1].value, "2025-02-27T16:30");
  auto full = Find("fr", "Publié le 27/02/2025 à 16:25 GMT");
  ASSERT_EQ(full.size(), 2u);
  EXPECT_EQ(full[1].value, "2025-02-27T16:25+00:00");
  EXPECT_FALSE(full[1].partial);
  EXPECT_EQ(One("fr", "Rendez-vous à midi.").value, "2025-02-27T12:00");
}

TEST(FrenchTimeTest, CaseAccentsAndAbbreviations) {
  EXPECT_EQ(One("fr", "LE 12 FEVRIER, TOUT A CHANGÉ").value, "2025-02-12");
  EXPECT_EQ(One("fr", "Mercredi, la Bourse a chuté.").value, "2025-02-26");
  EXPECT_EQ(One("fr", "Séance du 12 févr. à l'Assemblée").text, "12 févr.");
  EXPECT_EQ(One("fr", "PARIS, 27 fév 2025").value, "2025-02-27");
  EXPECT_EQ(One("fr", "Le 3 sept. 2024, rien.").value, "2024-09-03");
  EXPECT_EQ(One("fr", "Sam. 1 mars 2025").value, "2025-03-01");
}

TEST(FrenchTimeTest, SetsOfDays) {
  Found a = One("fr", "Ils manifestent chaque lundi.");
  EXPECT_EQ(a.kind, "SET");
  EXPECT_EQ(a.value, "XXXX-WXX-1");
  EXPECT_EQ(One("fr", "Ils manifestent tous les vendredis.").value, "XXXX-WXX-5");
  EXPECT_EQ(One("fr", "Des tirs ont lieu tous les jours.").value, "P1D");
}

TEST(FrenchTimeTest, NoFalsePositives) {
  for (const char* s : {
           "Le marsupial est un mammifère.",
           "La sonde a photographié Mars hier soir avant de se taire.",  // only "hier soir"
           "La mission Mars 2020 a réussi.",
           "Un jour, il faudra négocier.",
           "Les 27 pays membres ont voté.",
           "Le 18e siècle fut agité.",
           "Le 1er ministre a parlé.",
           "Sept personnes ont été tuées.",
           "Le mardi gras a été annulé.",
           "La mer Noire reste minée.",
           "Un jeu dangereux, a-t-il dit.",
           "Il a obtenu 18,5 % des voix.",
           "Le score est de 3:1.",
           "Il habite au 18 rue de la Paix.",
           "Ils ont tiré 2000 obus.",
       }) {
    auto all = Find("fr", s);
    if (std::string(s).find("hier soir") != std::string::npos) {
      ASSERT_EQ(all.size(), 1u) << s;
      EXPECT_EQ(all[0].text, "hier soir");
    } else {
      EXPECT_TRUE(all.empty()) << s << " -> " << (all.empty() ? "" : all[0].text);
    }
  }
}

TEST(FrenchTimeTest, OffsetsAreBytesIntoTheSentence) {
  std::string s = "Après l'échec, les négociateurs étaient réunis à Genève le 18 février.";
  auto all = FindTimes(s, Words("fr"), kThu);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(s.substr(all[0].begin, all[0].end - all[0].begin), "18 février");
  EXPECT_EQ(all[0].begin, s.find("18 février"));
}

TEST(FrenchTimeTest, YearRolloverAroundJanuary) {
  const CivilDate fri{2025, 1, 3};
  Found a = One("fr", "Le texte du 28 décembre prévoit une trêve.", fri);
  EXPECT_EQ(a.value, "2024-12-28");
  EXPECT_EQ(a.future, "2025-12-28");
  EXPECT_EQ(One("fr", "Les frappes ont repris en décembre.", fri).value, "2024-12");
  EXPECT_EQ(One("fr", "Il a parlé lundi.", fri).value, "2024-12-30");
  EXPECT_EQ(One("fr", "La semaine dernière, rien.", fri).value, "2024-12-23");
  EXPECT_EQ(One("fr", "Le mois dernier, rien.", fri).value, "2024-12");
  EXPECT_EQ(One("fr", "La réunion du 31 a échoué.", fri).value, "2024-12-31");
  EXPECT_EQ(One("fr", "Il y a une semaine, rien.", fri).value, "2024-12-23");
  EXPECT_EQ(One("fr", "Depuis décembre dernier, rien.", fri).value, "2024-12");
  const CivilDate late{2025, 12, 28};
  Found jan = One("fr", "Le vote du 3 janvier sera serré.", late);
  EXPECT_EQ(jan.value, "2025-01-03");
  EXPECT_EQ(jan.future, "2026-01-03");
  EXPECT_EQ(One("fr", "Il partira en janvier.", late).future, "2026-01");
  EXPECT_EQ(One("fr", "Il reviendra mardi prochain.", late).value, "2025-12-30");
  EXPECT_EQ(One("fr", "L'an prochain sera décisif.", late).value, "2026");
}

TEST(FrenchTimeTest, LeapDays) {
  EXPECT_EQ(One("fr", "Il est arrivé hier.", CivilDate{2024, 3, 1}).value, "2024-02-29");
  EXPECT_EQ(One("fr", "L'accord du 29 février tient.", CivilDate{2025, 3, 1}).value,
            "2024-02-29");
  EXPECT_EQ(One("fr", "La séance du 29 a été levée.", CivilDate{2025, 3, 1}).value,
            "2025-01-29");
  EXPECT_EQ(One("fr", "La séance du 29 a été levée.", CivilDate{2024, 3, 1}).value,
            "2024-02-29");
  EXPECT_TRUE(Find("fr", "Le 30 février 2024 n'existe pas.").size() <= 1);
}

// ---------------------------------------------------------------------------------------
// English, published Thursday 2025-02-27

TEST(EnglishTimeTest, Weekdays) {
  Found a = One("en", "The ministers met on Tuesday in Geneva.");
  EXPECT_EQ(a.text, "Tuesday");
  EXPECT_EQ(a.value, "2025-02-25");
  EXPECT_EQ(a.future, "2025-03-04");
  EXPECT_TRUE(a.partial);
  Found last = One("en", "He spoke last Wednesday.");
  EXPECT_EQ(last.text, "last Wednesday");
  EXPECT_EQ(last.value, "2025-02-26");
  EXPECT_FALSE(last.partial);
  EXPECT_EQ(One("en", "They will meet next Tuesday.").value, "2025-03-04");
  EXPECT_EQ(One("en", "Talks resume next Thursday.").value, "2025-03-06");
  Found night = One("en", "Shelling began on Monday night.");
  EXPECT_EQ(night.text, "Monday night");
  EXPECT_EQ(night.value, "2025-02-24");
  EXPECT_EQ(One("en", "Tuesday's vote was close.").value, "2025-02-25");
}

// A night across two days is dated by the second, as the wires do.
TEST(TimeTest, NightOfOneDayToTheNext) {
  Found fr = One("fr", "Des frappes ont visé Kiev dans la nuit de mardi à mercredi.");
  EXPECT_EQ(fr.text, "mardi à mercredi");
  EXPECT_EQ(fr.value, "2025-02-26");
  EXPECT_EQ(One("en", "Drones struck Kyiv in the night of Tuesday to Wednesday.").value, "2025-02-26");
  // Not consecutive days: a span, dated by its first day.
  EXPECT_EQ(Find("fr", "Il a neigé dans la nuit de lundi à mercredi.").at(0).value, "2025-02-24");
}

TEST(EnglishTimeTest, RelativeWords) {
  EXPECT_EQ(One("en", "He arrived yesterday.").value, "2025-02-26");
  EXPECT_EQ(One("en", "He leaves tomorrow.").value, "2025-02-28");
  EXPECT_EQ(One("en", "Officials said today that...").value, "2025-02-27");
  Found lw = One("en", "Last week, the bank raised rates.");
  EXPECT_EQ(lw.text, "Last week");
  EXPECT_EQ(lw.value, "2025-02-17");
  EXPECT_EQ(lw.precision, "week");
  EXPECT_EQ(One("en", "Talks continue this week.").value, "2025-02-24");
  EXPECT_EQ(One("en", "A vote is due next month.").value, "2025-03");
  Found etm = One("en", "Earlier this month, rebels seized a town.");
  EXPECT_EQ(etm.text, "Earlier this month");
  EXPECT_EQ(etm.value, "2025-02");
  EXPECT_EQ(One("en", "Prices fell last year.").value, "2024");
  EXPECT_EQ(One("en", "Fighting erupted last night.").value, "2025-02-26");
}

TEST(EnglishTimeTest, MonthDayForms) {
  Found a = One("en", "The call on Feb. 12 set the tone.");
  EXPECT_EQ(a.text, "Feb. 12");
  EXPECT_EQ(a.value, "2025-02-12");
  EXPECT_EQ(One("en", "Signed February 12, 2024 in Paris.").value, "2024-02-12");
  EXPECT_EQ(One("en", "Signed on 12 Feb in Paris.").value, "2025-02-12");
  Found sept = One("en", "The Sept. 3 attack killed four.");
  EXPECT_EQ(sept.value, "2024-09-03");  // over six months ahead: last year
  EXPECT_EQ(sept.future, "2025-09-03");
  Found th = One("en", "Talks in Riyadh on the 18th ended early.");
  EXPECT_EQ(th.text, "18th");
  EXPECT_EQ(th.value, "2025-02-18");
  EXPECT_EQ(One("en", "On Thursday, Feb. 27, the envoys met.").text, "Thursday, Feb. 27");
  EXPECT_EQ(One("en", "The 27th of February was calm.").value, "2025-02-27");
  auto range = Find("en", "The forum runs March 12-14 in Doha.");
  ASSERT_EQ(range.size(), 2u);
  EXPECT_EQ(range[0].text, "March 12");
  EXPECT_EQ(range[1].value, "2025-03-14");
}

TEST(EnglishTimeTest, MonthsAndYears) {
  Found jan = One("en", "Fighting resumed in January.");
  EXPECT_EQ(jan.text, "January");
  EXPECT_EQ(jan.value, "2025-01");
  EXPECT_EQ(One("en", "Relations soured in 2022.").value, "2022");
  EXPECT_EQ(One("en", "Relations soured since 2022.").text, "2022");
  EXPECT_EQ(One("en", "The deal of January 2024 collapsed.").value, "2024-01");
  EXPECT_EQ(One("en", "They met last March.").value, "2024-03");
  EXPECT_EQ(One("en", "Elections are due in mid-May.").future, "2025-05");
  auto between = Find("en", "Prices rose between 2020 and 2022.");
  ASSERT_EQ(between.size(), 2u);
  EXPECT_EQ(between[1].value, "2022");
}

TEST(EnglishTimeTest, AgoAndDurations) {
  Found w = One("en", "A week ago, the border closed.");
  EXPECT_EQ(w.text, "A week ago");
  EXPECT_EQ(w.value, "2025-02-17");
  EXPECT_EQ(One("en", "He left two days ago.").value, "2025-02-25");
  EXPECT_EQ(One("en", "The truce ends three days from now.").value, "2025-03-02");
  Found in20 = One("en", "It was the first time in 20 years.");
  EXPECT_EQ(in20.kind, "DURATION");  // not a date 20 years ahead
  EXPECT_EQ(in20.value, "P20Y");
  auto through = Find("en", "The ban runs from Jan. 1 through March 31.");
  ASSERT_EQ(through.size(), 2u);
  EXPECT_EQ(through[1].text, "March 31");
  Found f = One("en", "The talks went on for three days.");
  EXPECT_EQ(f.text, "three days");
  EXPECT_EQ(f.value, "P3D");
  EXPECT_EQ(One("en", "They lasted six hours.").value, "PT6H");
  Found visit = One("en", "He began a three-day visit.");
  EXPECT_EQ(visit.text, "three-day");
  EXPECT_EQ(visit.value, "P3D");
  EXPECT_EQ(One("en", "It took 30 minutes.").value, "PT30M");
  EXPECT_EQ(One("en", "He has ruled for a year.").value, "P1Y");
  EXPECT_EQ(One("en", "Casualties rose in the past two weeks.").value, "P2W");
}

TEST(EnglishTimeTest, NumericDatesAndTimes) {
  EXPECT_EQ(One("en", "Filed 02/27/2025.").value, "2025-02-27");
  EXPECT_EQ(One("en", "Filed 03/04/2025.").value, "2025-03-04");  // month first
  EXPECT_EQ(One("en", "Filed 27/02/2025.").value, "2025-02-27");  // 27 cannot be a month
  Found pm = One("en", "The vote closed at 4:25 p.m.");
  EXPECT_EQ(pm.text, "4:25 p.m.");
  EXPECT_EQ(pm.value, "2025-02-27T16:25");
  EXPECT_EQ(One("en", "Blasts at 4 pm shook the city.").value, "2025-02-27T16:00");
  auto stamp = Find("en", "Feb 27, 2025 4:25 PM EST");
  ASSERT_EQ(stamp.size(), 2u);
  EXPECT_EQ(stamp[0].value, "2025-02-27");
  EXPECT_EQ(stamp[1].value, "2025-02-27T16:25-05:00");
  auto iso = Find("en", "2025-02-27T16:25:00Z");
  ASSERT_EQ(iso.size(), 2u);
  EXPECT_EQ(iso[1].value, "2025-02-27T16:25+00:00");
  auto guardian = Find("en", "27 Feb 2025 16.25 GMT");
  ASSERT_EQ(guardian.size(), 2u);
  EXPECT_EQ(guardian[1].value, "2025-02-27T16:25+00:00");
  EXPECT_EQ(One("en", "The curfew starts at midnight.").value, "2025-02-27T00:00");
}

TEST(EnglishTimeTest, SetsAndLookAlikes) {
  EXPECT_EQ(One("en", "Protests are held every Monday.").value, "XXXX-WXX-1");
  EXPECT_EQ(One("en", "Flights run daily.").value, "P1D");
  for (const char* s : {
           "Black Friday sales fell.",
           "Prices may be higher.",
           "The Sun reported it.",
           "They will march on the capital.",
           "The 18th century was violent.",
           "One day he will return.",
           "He sat down and wept.",
           "A marsupial was found.",
           "Super Tuesday looms.",
           "In Mars, the rover moved.",
       }) {
    auto all = Find("en", s);
    EXPECT_TRUE(all.empty()) << s << " -> " << (all.empty() ? "" : all[0].text);
  }
}

TEST(TimeTest, EmptyAndOddInput) {
  EXPECT_TRUE(Find("fr", "").empty());
  EXPECT_TRUE(Find("fr", "   ").empty());
  EXPECT_TRUE(Find("fr", "((((((").empty());
  std::string huge(200000, 'a');
  huge += " hier";
  auto all = Find("fr", huge);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].value, "2025-02-26");
  std::string invalid = "le 12 \xFF\xFE f\xC3vrier";
  EXPECT_NO_FATAL_FAILURE(Find("fr", invalid));
}

}  // namespace
}  // namespace attache::timex
