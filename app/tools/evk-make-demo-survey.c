/* evk-make-demo-survey.c — generates the demo evaluation's synthetic survey, metadata and codebook
 *
 * Copyright 2025 The Evalkit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Usage: evk-make-demo-survey OUTDIR
 *
 * Writes OUTDIR/survey.sav (SPSS, row compression, through ReadStat's writer),
 * OUTDIR/survey-meta.ini (survey frame, register shares, multiple-response
 * sets) and OUTDIR/codebook.csv (labels and value labels in nb and en).
 *
 * The respondents are made up.  They have the shape of the survey of
 * voluntary organisations in the evaluation of the strategy
 * «Hverdagsintegrering» (5,103 organisations, the questionnaire of the
 * report's appendix, four variables linked from Frivillighetsregisteret) and
 * reproduce every figure the report prints (docs/reference-figures.md).
 * Nothing is sampled in the hope that it comes out right: every printed count
 * is allocated exactly, the respondents who get it are chosen by weighted
 * draws from a GRand with a fixed seed, and the rows are shuffled at the end.
 * The same program therefore writes the same bytes on every run (the file
 * timestamp is fixed and written in UTC).
 *
 * Bases and readings of figures that the report leaves open:
 *  - Everybody answered q4–q30 (so q15 has N = 5,103); later questions lose
 *    respondents who broke off: q34 4,720, q35 4,650, q36 4,580,
 *    q72 4,502, q73 4,446, q74 4,400.
 *  - N of an outcome row counts everybody who answered the row, "Vet ikke"
 *    included; shares of an outcome row are on that N.
 *  - "Used at least one offer" is any q16_k = 1 (938); the 838 of figure 8-1
 *    are those of them who answered q72.
 *  - Table 8-1 counts organisations with q72 in 4–5 that used the offer.
 *  - Offer 3, members (q17_3): 29 % of N = 61 is not a whole number of
 *    organisations; 10 answer 4 (16.4 %, printed 16) and 8 answer 5 (13.1 %,
 *    printed 13), which is how a chart's rounded segments add up to 29.
 *  - Chapter 6.8: 73 % in the 40 managing municipalities, 73 % in the 20
 *    original and 74 % in the 20 new ones; that forces 26.8 % who know the
 *    grant (the report's "omtrent 26").
 *  - Figure 6-7 (N = 287) is q23_7 among users of offer 7 in the managing
 *    municipalities (reg_forvalter 1–2) who answered the row.
 *  - Table 3-1 prints "Frivillighetssentraler 12" twice; it is counted once,
 *    which makes the table add up to the 1,029 who know the strategy.
 *  - The register shares the report does not print (ICNPO categories beyond
 *    the seven of table 1-2, managing municipalities) are made up so that
 *    each variable adds up to 100; the size classes keep the printed shares,
 *    which add up to 99.9.
 */

#define G_LOG_DOMAIN "evk-make-demo-survey"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <time.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <readstat.h>

#define N_RESP    5103
#define N_OFFERS  12
#define N_ICNPO   25
#define N_NEEDS   18
#define ANY       (-1)
#define MANAGING  12    /* reg_forvalter 1 or 2 */

#define SEED      20251020u
/* 2025-10-20 12:00 UTC, the day the survey closed */
#define TIMESTAMP ((time_t) 1760961600)

/* ------------------------------------------------------------------------- */
/* Labels                                                                    */
/* ------------------------------------------------------------------------- */

typedef struct
{
  int         code;
  const char *nb;
  const char *en;
  const char *missing;   /* "dont-know", "not-relevant" or NULL */
} ValueLabel;

typedef struct
{
  const char       *name;
  const ValueLabel *values;
  guint             n_values;
} LabelSet;

#define DONT_KNOW    "dont-know"
#define NOT_RELEVANT "not-relevant"

#define DEFINE_LABEL_SET(id) \
  static const LabelSet id = { #id, id##_values, G_N_ELEMENTS (id##_values) }

/* ICNPO categories of the register: every category of table 3-1 (and so of
 * table 1-2), with what the generator needs to know about each. */
typedef struct
{
  const char *nb;
  const char *en;
  int         respondents;   /* organisations in the survey */
  int         heard;         /* q10 = Ja (table 3-1) */
  double      population;    /* share in Frivillighetsregisteret, percent */
  int         urban;         /* -1 rural, 0 even, 1 towns, 2 cities */
  double      imm_weight;    /* propensity to be an immigrant organisation */
  double      user_weight;   /* propensity to know and use the offers */
  double      staff_weight;  /* propensity to have registered employees */
} Icnpo;

static const Icnpo icnpo[N_ICNPO + 1] = {
  { NULL },
  { "Kunst og kultur", "Arts and culture",
    1123, 199, 17.6, 0, 0.8, 0.8, 0.8 },
  { "Idrett", "Sports",
    985, 196, 25.2, -1, 0.8, 0.8, 1.2 },
  { "Rekreasjon og sosiale foreninger", "Recreation and social clubs",
    975, 195, 17.5, 0, 0.7, 0.8, 0.5 },
  { "Barne- og ungdomsorganisasjoner", "Children's and youth organisations",
    189, 23, 4.3, 0, 1.2, 1.0, 1.0 },
  { "Grunn og videregående utdanning", "Primary and secondary education",
    20, 2, 0.5, 0, 0.7, 1.0, 3.0 },
  { "Høgskole og universitet", "Higher education",
    15, 1, 0.2, 2, 1.0, 1.0, 4.0 },
  { "Annen utdanning", "Other education",
    45, 4, 1.1, 1, 1.5, 1.0, 2.0 },
  { "Andre helsetjenester", "Other health services",
    95, 19, 2.0, 0, 0.8, 1.0, 3.0 },
  { "Sosiale tjenester", "Social services",
    189, 57, 2.4, 1, 1.5, 2.0, 3.0 },
  { "Krisehjelp og støttearbeid", "Emergency and relief",
    30, 9, 0.6, 1, 2.0, 2.0, 2.0 },
  { "Økonomisk og materiell støtte", "Income support and material aid",
    25, 7, 0.6, 1, 2.0, 1.5, 1.0 },
  { "Natur- og miljøvern", "Environment",
    70, 12, 1.6, -1, 0.3, 0.6, 1.0 },
  { "Dyrevern", "Animal protection",
    20, 3, 0.5, 0, 0.3, 0.4, 1.0 },
  { "Lokalsamfunnsutvikling", "Community development",
    230, 47, 5.1, -1, 0.5, 1.0, 0.8 },
  { "Bolig- og lokalmiljø", "Housing and neighbourhood",
    60, 6, 1.6, -1, 0.4, 0.6, 0.8 },
  { "Interesseorganisasjoner", "Interest and advocacy organisations",
    587, 131, 9.0, 1, 0.7, 1.0, 2.0 },
  { "Politiske organisasjoner", "Political organisations",
    60, 18, 1.3, 1, 1.0, 1.0, 1.0 },
  { "Mangfold og inkludering", "Diversity and inclusion",
    85, 36, 1.7, 2, 10.0, 3.0, 1.5 },
  { "Pengeutdelende stiftelser", "Grant-making foundations",
    15, 3, 0.5, 1, 0.3, 0.6, 2.0 },
  { "Frivillighetssentraler", "Volunteer centres",
    40, 12, 0.9, -1, 1.0, 3.0, 60.0 },
  { "Internasjonale organisasjoner", "International organisations",
    45, 13, 0.8, 2, 6.0, 2.0, 1.5 },
  { "Tros- og livssynsorganisasjoner", "Religious and life stance organisations",
    120, 29, 3.0, 1, 5.0, 1.3, 1.5 },
  { "Arbeidstakerorganisasjoner", "Trade unions",
    25, 3, 0.7, 1, 0.8, 0.8, 6.0 },
  { "Yrkessammenslutninger", "Professional associations",
    25, 3, 0.6, 1, 0.5, 0.6, 4.0 },
  { "Andre", "Other",
    30, 1, 0.7, 0, 1.0, 1.0, 1.0 },
};

enum
{
  ICNPO_CHILDREN_YOUTH = 4,
  ICNPO_PRIMARY_SECONDARY = 5,
  ICNPO_OTHER_EDUCATION = 7,
  ICNPO_SOCIAL_SERVICES = 9,
  ICNPO_EMERGENCY = 10,
  ICNPO_SPORTS = 2,
  ICNPO_RELIGIOUS = 22,
  ICNPO_VOLUNTEER_CENTRES = 20,
};

static ValueLabel icnpo_values[N_ICNPO];
static LabelSet icnpo_labels = { "icnpo", icnpo_values, N_ICNPO };

static const ValueLabel size_values[] = {
  { 1, "Liten kommune", "Small municipality" },
  { 2, "Mellomstor kommune", "Medium-sized municipality" },
  { 3, "Stor kommune", "Large municipality" },
  { 4, "Oslo og Bergen", "Oslo and Bergen" },
};
DEFINE_LABEL_SET (size);

static const ValueLabel managing_values[] = {
  { 0, "Ikke forvalterkommune", "Not a managing municipality" },
  { 1, "En av de 20 opprinnelige forvalterkommunene",
    "One of the 20 original managing municipalities" },
  { 2, "En av de 20 nye forvalterkommunene fra 2022",
    "One of the 20 managing municipalities added in 2022" },
};
DEFINE_LABEL_SET (managing);

static const ValueLabel employees_values[] = {
  { 0, "Ingen registrerte ansatte", "No registered employees" },
  { 1, "Har registrerte ansatte", "Has registered employees" },
};
DEFINE_LABEL_SET (employees);

static const ValueLabel org_type_values[] = {
  { 1, "Lokal organisasjon", "Local organisation" },
  { 2, "Lokal organisasjon som er en del av en regional og/eller nasjonal organisasjon",
    "Local organisation that is part of a regional and/or national organisation" },
  { 3, "Regional organisasjon", "Regional organisation" },
  { 4, "Nasjonal organisasjon", "National organisation" },
  { 5, "Annet", "Other" },
};
DEFINE_LABEL_SET (org_type);

static const ValueLabel immigrant_share_values[] = {
  { 1, "Alle", "All" },
  { 2, "Nesten alle", "Almost all" },
  { 3, "Mer enn halvparten", "More than half" },
  { 4, "Halvparten", "Half" },
  { 5, "Færre enn halvparten", "Fewer than half" },
  { 6, "Nesten ingen", "Almost none" },
  { 7, "Ingen", "None" },
  { 8, "Vet ikke", "Don't know", DONT_KNOW },
  { 9, "Ikke relevant", "Not relevant", NOT_RELEVANT },
};
DEFINE_LABEL_SET (immigrant_share);

static const ValueLabel fit_values[] = {
  { 1, "Passer svært dårlig", "Fits very poorly" },
  { 2, "Passer dårlig", "Fits poorly" },
  { 3, "Verken godt eller dårlig", "Neither well nor poorly" },
  { 4, "Passer godt", "Fits well" },
  { 5, "Passer svært godt", "Fits very well" },
  { 6, "Vet ikke", "Don't know", DONT_KNOW },
};
DEFINE_LABEL_SET (fit);

static const ValueLabel yes_no_values[] = {
  { 1, "Ja", "Yes" },
  { 2, "Nei", "No" },
};
DEFINE_LABEL_SET (yes_no);

static const ValueLabel chosen_values[] = {
  { 0, "Ikke valgt", "Not selected" },
  { 1, "Valgt", "Selected" },
};
DEFINE_LABEL_SET (chosen);

static const ValueLabel extent_values[] = {
  { 1, "Svært liten grad", "To a very small extent" },
  { 2, "Liten grad", "To a small extent" },
  { 3, "Verken stor eller liten grad", "To neither a large nor a small extent" },
  { 4, "Stor grad", "To a large extent" },
  { 5, "Svært stor grad", "To a very large extent" },
  { 6, "Vet ikke", "Don't know", DONT_KNOW },
};
DEFINE_LABEL_SET (extent);

static const ValueLabel conditions_values[] = {
  { 1, "Stor grad svekket", "Greatly weakened" },
  { 2, "Svekket", "Weakened" },
  { 3, "Verken styrket eller svekket", "Neither strengthened nor weakened" },
  { 4, "Styrket", "Strengthened" },
  { 5, "Stor grad styrket", "Greatly strengthened" },
  { 6, "Vet ikke", "Don't know", DONT_KNOW },
  { 7, "Ikke relevant", "Not relevant", NOT_RELEVANT },
};
DEFINE_LABEL_SET (conditions);

static const ValueLabel opportunities_values[] = {
  { 1, "Mye bedre", "Much better" },
  { 2, "Bedre", "Better" },
  { 3, "Verken bedre eller dårligere/situasjonen er uendret",
    "Neither better nor worse/the situation is unchanged" },
  { 4, "Dårligere", "Worse" },
  { 5, "Mye dårligere", "Much worse" },
  { 6, "Vet ikke", "Don't know", DONT_KNOW },
  { 7, "Ikke relevant", "Not relevant", NOT_RELEVANT },
};
DEFINE_LABEL_SET (opportunities);

static const ValueLabel participation_values[] = {
  { 1, "Mye lavere", "Much lower" },
  { 2, "Litt lavere", "A little lower" },
  { 3, "Omtrent likt", "About the same" },
  { 4, "Litt høyere", "A little higher" },
  { 5, "Mye høyere", "Much higher" },
  { 6, "Vet ikke", "Don't know", DONT_KNOW },
};
DEFINE_LABEL_SET (participation);

static const ValueLabel integration_work_values[] = {
  { 1, "Mye mindre", "Much less" },
  { 2, "Litt mindre", "A little less" },
  { 3, "Omtrent det samme", "About the same" },
  { 4, "Litt mer", "A little more" },
  { 5, "Mye mer", "Much more" },
  { 6, "Vet ikke", "Don't know", DONT_KNOW },
};
DEFINE_LABEL_SET (integration_work);

/* The twelve offers of q15/q16 (and the rows of the outcome grids), as the
 * questionnaire words them; q15 has a thirteenth option. */
static const char * const offer_nb[N_OFFERS + 2] = {
  NULL,
  "Barne-, ungdoms- og familiedirektoratets (Bufdirs) veileder «Fattigdom – veileder om arbeid "
  "for barn som lever i fattige familier»",
  "Informasjon fra UDI, IMDi eller kommunen om asylkjeden, bosetting og hva frivillige "
  "organisasjoner kan bidra med",
  "IMDis nettside \"Lær fra andre\" på www.imdi.no med ulike eksempler på tiltak for integrering",
  "IMDis formidling av forskning om innvandreres deltakelse i sivilsamfunnet",
  "Tilskudd fra UDI eller IMDi til aktiviteter i asylmottak og integreringsmottak",
  "IMDis tilskuddsordning til integreringsarbeid i regi av frivillige organisasjoner",
  "Kommunens tilskuddsordning til integreringsarbeid i regi av frivillige organisasjoner",
  "Driftsstøtte til regionale eller lokale innvandrersorganisasjoner",
  "Erasmus+-prosjekt med inkluderingsfokus",
  "Øke tilgang på offentlige lokaler",
  "Regionale konferanser der stat, fylkeskommune, kommune og frivillige organisasjoner møtes",
  "IMDis ungdomspanel",
  "Kjenner ikke noen av tiltakene",
};

static const char * const offer_en[N_OFFERS + 2] = {
  NULL,
  "The Directorate for Children, Youth and Family Affairs' (Bufdir) guide “Poverty – a guide to "
  "working with children living in low-income families”",
  "Information from UDI, IMDi or the municipality about the asylum process, settlement and what "
  "voluntary organisations can contribute",
  "IMDi's web page “Learn from others” on www.imdi.no with examples of integration initiatives",
  "IMDi's dissemination of research on immigrants' participation in civil society",
  "Grants from UDI or IMDi for activities in asylum reception centres and integration reception "
  "centres",
  "IMDi's grant scheme for integration work by voluntary organisations",
  "The municipality's grant scheme for integration work by voluntary organisations",
  "Operating grants for regional or local immigrant organisations",
  "Erasmus+ project with a focus on inclusion",
  "Better access to public premises",
  "Regional conferences where central government, county, municipality and voluntary "
  "organisations meet",
  "IMDi's youth panel",
  "Not aware of any of the measures",
};

static const char * const need_nb[N_NEEDS + 1] = {
  NULL,
  "Mer midler",
  "Flere aktive medlemmer",
  "Økt kompetanse om hvordan vi kan rekruttere personer med innvandrerbakgrunn",
  "Økt kompetanse om hvordan vi kan inkludere og beholde personer med innvandrerbakgrunn",
  "Økt kompetanse på integrering, inkludering eller kulturforståelse",
  "Økt kompetanse på organisasjonsdrift",
  "Økt kompetanse på søknadsskriving",
  "Økt kompetanse om negativ sosial kontroll",
  "Økt kompetanse på arbeid med norsktrening",
  "Økt kompetanse om barne- og ungdomsarbeid",
  "Mer samarbeid med andre frivillige organisasjoner",
  "Mer samarbeid med kommunen",
  "Mer samarbeid med andre offentlige aktører",
  "Tilgang til lokaler",
  "Oversikt over organisasjoner som er aktive på integreringsfeltet",
  "Møteplasser for organisasjoner lokalt",
  "Annet",
  "Ikke relevant",
};

static const char * const need_en[N_NEEDS + 1] = {
  NULL,
  "More funding",
  "More active members",
  "More knowledge of how to recruit people with an immigrant background",
  "More knowledge of how to include and keep people with an immigrant background",
  "More knowledge of integration, inclusion or cultural understanding",
  "More knowledge of running an organisation",
  "More knowledge of writing applications",
  "More knowledge of negative social control",
  "More knowledge of Norwegian language practice",
  "More knowledge of work with children and young people",
  "More collaboration with other voluntary organisations",
  "More collaboration with the municipality",
  "More collaboration with other public bodies",
  "Access to premises",
  "An overview of organisations active in the integration field",
  "Local meeting places for organisations",
  "Other",
  "Not relevant",
};

static const char * const condition_nb[] = {
  NULL,
  "Tilgang på finansiering fra tilskuddsordninger",
  "Tilgang på kompetanse (internt og eksternt)",
  "Tilgang på relevante veiledere, verktøykasser o.l.",
  "Rammer for å rekruttere og beholde frivillige og medlemmer",
  "Samarbeidsmuligheter med kommunen",
  "Samarbeidsmuligheter med andre offentlige myndigheter",
  "Samarbeidsmuligheter med andre frivillige organisasjoner",
};

static const char * const condition_en[] = {
  NULL,
  "Access to funding from grant schemes",
  "Access to expertise (internal and external)",
  "Access to relevant guides, toolkits and the like",
  "Conditions for recruiting and keeping volunteers and members",
  "Opportunities to collaborate with the municipality",
  "Opportunities to collaborate with other public authorities",
  "Opportunities to collaborate with other voluntary organisations",
};

static const char * const statement_nb[] = {
  NULL,
  "Integrering og inkludering av innvandrere og barn av innvandrere er en sentral del av "
  "organisasjonens mål og aktiviteter",
  "Å øke deltakelsen i organisasjonen fra innvandrere og barn av innvandrere er et viktig mål for "
  "oss",
  "Vi har ikke et spesielt fokus på rekruttering av innvandrere eller barn av innvandrere",
};

static const char * const statement_en[] = {
  NULL,
  "Integrating and including immigrants and their children is a central part of the "
  "organisation's aims and activities",
  "Increasing participation by immigrants and their children is an important goal for us",
  "We have no particular focus on recruiting immigrants or their children",
};

/* ------------------------------------------------------------------------- */
/* The figures to reproduce                                                  */
/* ------------------------------------------------------------------------- */

/* q16_k = 1 (figure 3-1 and the chapters' awareness figures) */
static const int used_total[N_OFFERS + 1] = {
  0, 207, 153, 61, 59, 98, 213, 431, 90, 26, 137, 197, 13
};
/* q15_k = 1 */
static const int heard_total[N_OFFERS + 1] = {
  0, 816, 459, 204, 199, 353, 561, 1096, 300, 423, 306, 408, 102
};
/* table 8-1: used the offer and q72 in 4–5 */
static const int used_higher[N_OFFERS + 1] = {
  0, 81, 63, 32, 33, 51, 111, 209, 28, 15, 51, 75, 4
};

/* Respondents by [immigrant organisation][reg_forvalter]: how many used at
 * least one offer, how many of those report higher participation (q72 4–5),
 * and how many knew an offer without using any. */
static const int users_by_cell[2][3] = { { 298, 330, 170 }, { 30, 80, 30 } };
static const int higher_by_cell[2][3] = { { 80, 135, 70 }, { 14, 45, 16 } };
static const int knowers_by_cell[2][3] = { { 364, 480, 230 }, { 17, 46, 17 } };
static const int immigrant_by_managing[3] = { 87, 200, 80 };

/* Offer 7 by [immigrant][reg_forvalter][higher participation]: chapter 6.8
 * (original: 195 of 1,700 used, new: 109 of 900), figure 3-2 (96 of 367) and
 * table 8-1 (209). */
static const int used7[2][3][2] = {
  { { 75, 36 }, { 65, 70 }, { 44, 45 } },
  { { 8, 8 }, { 22, 38 }, { 8, 12 } },
};
/* Offer 7 known but not used, by [immigrant][reg_forvalter]: chapter 6.8
 * (263 of 1,700 and 129 of 900) and figure 3-2 (144 heard). */
static const int known7[2][3] = { { 263, 235, 119 }, { 10, 28, 10 } };
/* Offers 6 and 1 by [immigrant][higher participation] (figure 3-2, table 8-1) */
static const int used6[2][2] = { { 82, 76 }, { 20, 35 } };
static const int used1[2][2] = { { 110, 61 }, { 16, 20 } };

/* q35 among the 4,650 who answered it; option 18 ("Ikke relevant") excludes
 * the others. */
static const int needs_total[N_NEEDS + 1] = {
  0, 1390, 1814, 620, 580, 450, 300, 420, 90, 160, 280, 900, 1628, 520, 760, 610, 690, 120, 700
};

typedef struct
{
  const char *name;
  int         offer;
  int         managing;   /* ANY, 0, or MANAGING (reg_forvalter 1–2) */
  int         n;          /* answered the row, "Vet ikke" included */
  int         dist[6];    /* answers 1..6 */
} Outcome;

static const Outcome outcomes[] = {
  { "q17_1", 1, ANY, 206, { 60, 40, 50, 18, 6, 32 } },
  { "q18_1", 1, ANY, 197, { 55, 35, 48, 22, 7, 30 } },
  { "q17_2", 2, ANY, 148, { 30, 25, 40, 22, 8, 23 } },
  { "q18_2", 2, ANY, 145, { 25, 22, 38, 28, 10, 22 } },
  { "q17_3", 3, ANY, 61, { 8, 9, 17, 10, 8, 9 } },
  { "q18_3", 3, ANY, 61, { 7, 8, 16, 13, 9, 8 } },
  { "q17_4", 4, ANY, 59, { 10, 11, 18, 9, 4, 7 } },
  { "q18_4", 4, ANY, 59, { 4, 5, 16, 16, 10, 8 } },
  { "q22_5", 5, ANY, 94, { 12, 10, 25, 22, 12, 13 } },
  { "q23_5", 5, ANY, 95, { 10, 9, 22, 27, 15, 12 } },
  { "q22_6", 6, ANY, 205, { 18, 15, 50, 62, 35, 25 } },
  { "q23_6", 6, ANY, 207, { 12, 12, 40, 66, 55, 22 } },
  { "q22_7", 7, ANY, 415, { 35, 30, 110, 115, 75, 50 } },
  { "q23_7", 7, MANAGING, 287, { 22, 25, 70, 77, 63, 30 } },
  { "q23_7", 7, 0, 121, { 14, 14, 35, 28, 17, 13 } },
  { "q22_8", 8, ANY, 86, { 6, 6, 18, 26, 20, 10 } },
  { "q23_8", 8, ANY, 87, { 5, 5, 17, 27, 24, 9 } },
  { "q22_9", 9, ANY, 25, { 4, 3, 8, 5, 2, 3 } },
  { "q23_9", 9, ANY, 25, { 3, 3, 8, 6, 2, 3 } },
  { "q22_10", 10, ANY, 131, { 22, 18, 40, 24, 9, 18 } },
  { "q23_10", 10, ANY, 128, { 18, 15, 36, 30, 12, 17 } },
  { "q27_11", 11, ANY, 187, { 40, 30, 55, 26, 10, 26 } },
  { "q28_11", 11, ANY, 191, { 35, 28, 58, 34, 12, 24 } },
  { "q27_12", 12, ANY, 12, { 1, 2, 5, 2, 1, 1 } },
  { "q28_12", 12, ANY, 12, { 1, 1, 5, 3, 1, 1 } },
};

/* ------------------------------------------------------------------------- */
/* Made-up free-text answers                                                 */
/* ------------------------------------------------------------------------- */

static const char * const text_q5_other[] = {
  "Stiftelse med lokal aktivitet",
  "Lokallag av en internasjonal organisasjon",
  "Samarbeidsforum for flere foreninger i bydelen",
  "Menighet med eget frivillig arbeid",
  "Studentforening",
  "Velforening",
  "Nettverk uten formell organisasjon",
  "Idrettsråd i kommunen",
  "Paraplyorganisasjon for innvandrerforeninger i regionen",
  "Skolekorps",
  "Borettslag med fellesaktiviteter",
};

static const char * const text_q19[] = {
  "Veilederen ga oss ideer til hvordan vi kan holde aktivitetene gratis for familier med dårlig "
  "råd.",
  "Vi brukte informasjonen fra kommunen da vi startet et tilbud for nyankomne flyktninger fra "
  "Ukraina.",
  "Nyttig å lese om hva andre lag har fått til, men vanskelig å overføre til vår lille forening.",
  "Forskningen bekreftet mye av det vi visste fra før, men hjalp oss å argumentere overfor styret.",
  "Vi har hentet eksempler fra nettsiden til en søknad om tilskudd.",
  "Lite konkret nytte så langt, men vi har delt materialet med de andre frivillige.",
  "Informasjonsmøtet om bosetting gjorde det lettere å vite hvem vi skulle kontakte i kommunen.",
  "Veilederen er grundig, men det tar tid å sette seg inn i den når alle jobber frivillig.",
  "Vi forstår bedre hvorfor noen grupper deltar mindre, og har endret hvordan vi inviterer nye "
  "medlemmer.",
  "Det er fortsatt vanskelig å nå familiene, selv om vi vet mer om hva som skal til.",
  "Fint å få bekreftet at vi jobber i riktig retning.",
  "Materialet ble brukt på et styreseminar om inkludering.",
};

static const char * const text_q21[] = {
  "Vi har ikke hatt kapasitet til å sette oss inn i det.",
  "Tiltaket virket ikke relevant for vår type aktivitet.",
  "Vi visste ikke helt hvordan vi skulle bruke det i praksis.",
  "Vi har få medlemmer med innvandrerbakgrunn i dag.",
  "Har hørt om det, men aldri sett selve materialet.",
  "Styret har prioritert andre oppgaver de siste årene.",
  "Informasjonen kom til feil person hos oss og ble ikke fulgt opp.",
  "Vi har egne rutiner som fungerer godt nok.",
  "For omfattende for en liten forening som drives av frivillige.",
  "Vi har tenkt å ta det i bruk, men har ikke kommet så langt ennå.",
};

static const char * const text_q24[] = {
  "Tilskuddet gjorde det mulig å holde språkkafeen åpen hver uke.",
  "Med støtten fra kommunen kunne vi tilby gratis deltakelse for barn i familier med lav inntekt.",
  "Vi fikk låne skolens gymsal gratis, og det har gitt oss flere deltakere.",
  "Søknadsprosessen var krevende, men pengene har betydd mye for aktiviteten.",
  "Tilskuddet ga oss mulighet til å ansette en koordinator i deltidsstilling.",
  "Vi arrangerte turer og fellesmåltider for beboerne på mottaket.",
  "Rapporteringen tar mye tid sammenlignet med beløpet vi får.",
  "Uten driftsstøtten hadde foreningen trolig måttet legge ned.",
  "Erasmus+-prosjektet ga ungdommene våre erfaring fra andre land og nye vennskap.",
  "Vi fikk kontakt med nye familier gjennom aktivitetene som ble finansiert.",
  "Kortsiktige prosjektmidler gjør det vanskelig å planlegge mer enn ett år fram i tid.",
  "Tilgang på lokaler i kommunen har gitt oss faste treningstider.",
};

static const char * const text_q25[] = {
  "Vi søkte, men fikk avslag.",
  "Søknadsfristen passet dårlig med planleggingen vår.",
  "Vi oppfyller ikke kriteriene for å søke.",
  "Søknadsskjemaet er for komplisert for oss som er frivillige.",
  "Ingen i styret har hatt tid til å skrive søknad.",
  "Det finnes ikke mottak i vår kommune.",
  "Vi er usikre på om vi er i målgruppen for tilskuddet.",
  "Beløpene er for små til at det er verdt arbeidet med søknad og rapportering.",
  "Kommunen har ikke ledige lokaler på tidspunktene vi trenger.",
  "Vi planlegger å søke neste år.",
};

static const char * const text_q29[] = {
  "Konferansen ga oss kontakter i kommunen som vi fortsatt samarbeider med.",
  "Nyttig å møte andre organisasjoner som jobber med det samme.",
  "Mye informasjon på kort tid, men lite tid til å snakke sammen.",
  "Vi fikk ideer til nye aktiviteter, men har ikke fått gjennomført dem ennå.",
  "Ungdomspanelet ga oss innspill på hvordan vi kan nå unge med innvandrerbakgrunn.",
  "Lang reisevei for en liten forening, men verdt det.",
  "Godt å bli sett og hørt av offentlige aktører.",
  "Vi deltok i en paneldebatt og fikk vist fram arbeidet vårt.",
};

static const char * const text_q30[] = {
  "Konferansen ble holdt i en annen del av fylket.",
  "Ingen av de frivillige kunne delta på dagtid.",
  "Vi fikk invitasjonen for sent.",
  "Vi visste ikke at frivillige organisasjoner var invitert.",
  "Temaet virket mest rettet mot kommunene.",
  "Vi har ikke hatt kontakt med ungdomspanelet.",
};

static const char * const text_q35_other[] = {
  "Mer forutsigbar driftsstøtte",
  "Tolk ved viktige møter",
  "Enklere søknadsprosesser",
  "Hjelp til transport for deltakerne",
  "Bedre informasjon på flere språk",
  "En fast kontaktperson i kommunen",
  "Utstyr som deltakerne kan låne",
  "Flere som vil ta lederverv",
  "Kurs for trenere og ledere",
  "Digitale verktøy for påmelding og informasjon",
};

static const char * const text_q59[] = {
  "Lønne en koordinator som kan følge opp nye deltakere.",
  "Dekke kontingent og utstyr for barn fra familier med dårlig råd.",
  "Leie lokaler til faste aktiviteter.",
  "Arrangere språkkafé og fellesmåltider.",
  "Kurs for frivillige i inkludering og kulturforståelse.",
  "Transport til turer og arrangementer.",
  "Informasjonsmateriell på flere språk.",
  "Utstyr til aktiviteter for barn og unge.",
  "Flere aktiviteter i skoleferiene.",
  "Honorar til tolk på foreldremøter.",
  "Markedsføring for å nå nye grupper.",
  "Drive leksehjelp to dager i uka.",
};

static const char * const text_q37[] = {
  "Vi har fått flere frivillige med innvandrerbakgrunn som rekrutterer andre.",
  "Bedre samarbeid med kommunen og flyktningtjenesten.",
  "Vi har fått tilskudd som gir oss mer forutsigbarhet.",
  "Inkludering står nå i handlingsplanen vår og er fast tema i styret.",
  "Nye samarbeidspartnere, blant annet skoler og andre foreninger.",
  "Vi har ansatt en person med ansvar for inkludering.",
  "Mer kunnskap og erfaring etter flere år med aktiviteter.",
  "Bosettingen av flyktninger fra Ukraina ga oss nye deltakere og nye kontakter.",
  "Vi har fått tilgang til bedre lokaler.",
};

static const char * const text_q38[] = {
  "Kutt i tilskudd og driftsmidler.",
  "Vanskelig å rekruttere frivillige som vil ta ansvar over tid.",
  "Færre ildsjeler etter pandemien.",
  "Økte kostnader til leie av lokaler.",
  "Kommunen har mindre ressurser til samarbeid enn før.",
  "Støtteordningene er blitt mer uforutsigbare.",
  "Vi har mistet lokalene vi brukte tidligere.",
  "Behovene er blitt mer sammensatte enn vi klarer å møte.",
};

static const char * const text_q41[] = {
  "Frivilligheten trenger enklere og mer langsiktige støtteordninger.",
  "Det offentlige må se frivilligheten som en partner, ikke som et gratis supplement.",
  "Frivillige organisasjoner trenger en fast kontaktperson i kommunen.",
  "Informasjon om tilskudd bør samles på ett sted.",
  "Innvandrerorganisasjoner trenger støtte til drift, ikke bare til prosjekter.",
  "Takk for en viktig undersøkelse.",
  "Mange spørsmål var vanskelige å svare på for en liten forening.",
  "Vi ønsker flere lokale møteplasser mellom kommunen og foreningene.",
  "Rapporteringskravene bør stå i forhold til størrelsen på tilskuddet.",
  "Det bør bli lettere å låne kommunale lokaler gratis.",
};

/* ------------------------------------------------------------------------- */
/* Respondents and variables                                                 */
/* ------------------------------------------------------------------------- */

typedef struct
{
  int      icnpo;                    /* 1..25 */
  int      size;                     /* reg_kommunestr 1..4 */
  int      managing;                 /* reg_forvalter 0..2 */
  int      employees;                /* reg_ansatte 0/1 */
  int      immigrant;                /* q6_alt_1 in 1..4 */
  int      user;                     /* used at least one offer */
  int      knower;                   /* knows an offer but used none */
  int      higher;                   /* user with q72 in 4..5 */
  int      stage;                    /* how far through the questionnaire, 1..7 */
  int      heard[N_OFFERS + 1];
  int      used[N_OFFERS + 1];
  int      strategy;                 /* q10 = Ja */
  int      q72;                      /* 0 when not answered */
  int      q73;
  int      need[N_NEEDS + 1];
  int      placed;                   /* scratch flag for the allocations */
} Resp;

typedef struct
{
  char               *name;
  char               *label_nb;
  char               *label_en;
  const LabelSet     *labels;
  readstat_measure_t  measure;
  int                 string_width;   /* > 0 for a string variable */
  const char         *format;
} VarDef;

typedef struct
{
  GPtrArray   *vars;
  GHashTable  *columns;   /* name → column + 1 */
  double      *num;       /* N_RESP × vars, NAN = system missing */
  const char **str;       /* N_RESP × vars, NULL = empty */
  Resp        *resp;
  GRand       *rand;
} Survey;

static void
var_def_free (gpointer data)
{
  VarDef *def = data;

  g_free (def->name);
  g_free (def->label_nb);
  g_free (def->label_en);
  g_free (def);
}

static Survey *
survey_new (void)
{
  Survey *s = g_new0 (Survey, 1);

  s->vars = g_ptr_array_new_with_free_func (var_def_free);
  s->columns = g_hash_table_new (g_str_hash, g_str_equal);
  s->resp = g_new0 (Resp, N_RESP);
  s->rand = g_rand_new_with_seed (SEED);
  return s;
}

static void
survey_free (Survey *s)
{
  g_hash_table_unref (s->columns);
  g_ptr_array_unref (s->vars);
  g_free (s->num);
  g_free (s->str);
  g_free (s->resp);
  g_rand_free (s->rand);
  g_free (s);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Survey, survey_free)

static void
add_var (Survey             *s,
         const char         *name,
         const char         *label_nb,
         const char         *label_en,
         const LabelSet     *labels,
         readstat_measure_t  measure,
         int                 string_width)
{
  VarDef *def = g_new0 (VarDef, 1);

  /* SPSS keeps 256 bytes of a variable label: fail rather than cut one. */
  if (strlen (label_nb) > 255)
    g_error ("%s: label is %zu bytes, SPSS keeps 255", name, strlen (label_nb));
  if (g_hash_table_contains (s->columns, name))
    g_error ("%s: defined twice", name);

  def->name = g_strdup (name);
  def->label_nb = g_strdup (label_nb);
  def->label_en = g_strdup (label_en);
  def->labels = labels;
  def->measure = measure;
  def->string_width = string_width;
  def->format = string_width > 0 ? NULL : g_str_equal (name, "q4") ? "F3.0" : "F2.0";
  g_ptr_array_add (s->vars, def);
  g_hash_table_insert (s->columns, def->name, GUINT_TO_POINTER (s->vars->len));
}

static void
add_grid_var (Survey             *s,
              const char         *stem,
              int                 row,
              const char         *prefix_nb,
              const char         *row_nb,
              const char         *prefix_en,
              const char         *row_en,
              const LabelSet     *labels,
              readstat_measure_t  measure)
{
  g_autofree char *name = g_strdup_printf ("%s_%d", stem, row);
  g_autofree char *nb = g_strconcat (prefix_nb, row_nb, NULL);
  g_autofree char *en = g_strconcat (prefix_en, row_en, NULL);

  add_var (s, name, nb, en, labels, measure, 0);
}

/* A free-text variable is as wide as its longest answer, in whole 8-byte
 * segments: row compression stores every segment of every row. */
static int
text_width (const char * const *texts,
            guint               n)
{
  gsize widest = 8;

  for (guint i = 0; i < n; i++)
    widest = MAX (widest, strlen (texts[i]));
  return (int) ((widest + 7) / 8 * 8);
}

#define TEXT_WIDTH(texts) text_width (texts, G_N_ELEMENTS (texts))

static void
define_variables (Survey *s)
{
  static const char share_nb[] =
    "Andel som har innvandret selv eller har foreldre som har innvandret: ";
  static const char share_en[] = "Share who have immigrated to Norway or whose parents have: ";
  static const char members_nb[] =
    "Bidratt til at flere med innvandrerbakgrunn er blitt med i organisasjonen: ";
  static const char members_en[] =
    "Helped more people with an immigrant background join the organisation: ";
  static const char activities_nb[] =
    "Bidratt til flere aktiviteter for personer med innvandrerbakgrunn: ";
  static const char activities_en[] =
    "Helped the organisation run more activities for people with an immigrant background: ";
  const readstat_measure_t NOMINAL = READSTAT_MEASURE_NOMINAL;
  const readstat_measure_t ORDINAL = READSTAT_MEASURE_ORDINAL;
  const readstat_measure_t SCALE = READSTAT_MEASURE_SCALE;

  for (int c = 1; c <= N_ICNPO; c++)
    icnpo_values[c - 1] = (ValueLabel) { c, icnpo[c].nb, icnpo[c].en, NULL };

  add_var (s, "id", "Respondent-ID", "Respondent ID", NULL, NOMINAL, 6);
  add_var (s, "reg_icnpo", "ICNPO-kategori (Frivillighetsregisteret)",
           "ICNPO category (Register of Non-profit Organisations)", &icnpo_labels, NOMINAL, 0);
  add_var (s, "reg_kommunestr", "Kommunestørrelse (Frivillighetsregisteret)",
           "Size of the municipality (Register of Non-profit Organisations)", &size, ORDINAL, 0);
  add_var (s, "reg_forvalter",
           "Kommunen forvalter tilskuddet til integreringsarbeid i regi av frivillige "
           "organisasjoner",
           "The municipality manages the grant for integration work by voluntary organisations",
           &managing, NOMINAL, 0);
  add_var (s, "reg_ansatte", "Organisasjonen har registrerte ansatte (Enhetsregisteret)",
           "The organisation has registered employees (Central Coordinating Register)",
           &employees, NOMINAL, 0);

  add_var (s, "q4", "Hvor mange års erfaring fra organisasjonen har du?",
           "How many years of experience with the organisation do you have?", NULL, SCALE, 0);
  add_var (s, "q5", "Hva beskriver organisasjonen best?",
           "What best describes the organisation?", &org_type, NOMINAL, 0);
  add_var (s, "q5_other", "Hva beskriver organisasjonen best? Annet, nemlig",
           "What best describes the organisation? Other, namely", NULL, NOMINAL,
           TEXT_WIDTH (text_q5_other));
  add_grid_var (s, "q6_alt", 1, share_nb, "Frivillige", share_en, "Volunteers",
                &immigrant_share, ORDINAL);
  add_grid_var (s, "q6_alt", 2, share_nb, "Medlemmer", share_en, "Members",
                &immigrant_share, ORDINAL);
  for (int k = 1; k <= 3; k++)
    add_grid_var (s, "q8", k, "Passer for organisasjonen: ", statement_nb[k],
                  "Fits the organisation: ", statement_en[k], &fit, ORDINAL);

  add_var (s, "q10",
           "Har du hørt om strategien «Hverdagsintegrering – strategi for å styrke "
           "sivilsamfunnets rolle på integreringsfeltet 2021-2024»?",
           "Have you heard of the strategy “Everyday integration – strategy to strengthen the "
           "role of civil society in the integration field 2021–2024”?",
           &yes_no, NOMINAL, 0);

  for (int k = 1; k <= N_OFFERS + 1; k++)
    add_grid_var (s, "q15", k, "Kjent med: ", offer_nb[k], "Aware of: ", offer_en[k],
                  &chosen, NOMINAL);
  for (int k = 1; k <= N_OFFERS; k++)
    add_grid_var (s, "q16", k, "Brukt i praksis: ", offer_nb[k], "Used in practice: ", offer_en[k],
                  &chosen, NOMINAL);

  for (int k = 1; k <= 4; k++)
    add_grid_var (s, "q17", k, members_nb, offer_nb[k], members_en, offer_en[k], &extent, ORDINAL);
  for (int k = 1; k <= 4; k++)
    add_grid_var (s, "q18", k, activities_nb, offer_nb[k], activities_en, offer_en[k],
                  &extent, ORDINAL);
  add_var (s, "q19",
           "Erfaringer med informasjons- og kompetansetiltakene dere har brukt (fritekst)",
           "Experiences with the information and competence measures used (free text)",
           NULL, NOMINAL, TEXT_WIDTH (text_q19));
  add_var (s, "q21",
           "Hvorfor dere ikke har brukt kjente informasjons- og kompetansetiltak (fritekst)",
           "Why known information and competence measures were not used (free text)",
           NULL, NOMINAL, TEXT_WIDTH (text_q21));

  for (int k = 5; k <= 10; k++)
    add_grid_var (s, "q22", k, members_nb, offer_nb[k], members_en, offer_en[k], &extent, ORDINAL);
  for (int k = 5; k <= 10; k++)
    add_grid_var (s, "q23", k, activities_nb, offer_nb[k], activities_en, offer_en[k],
                  &extent, ORDINAL);
  add_var (s, "q24", "Erfaringer med de økonomiske tiltakene dere har brukt (fritekst)",
           "Experiences with the economic measures used (free text)", NULL, NOMINAL,
           TEXT_WIDTH (text_q24));
  add_var (s, "q25", "Hvorfor dere ikke har brukt økonomiske tiltak dere kjenner til (fritekst)",
           "Why known economic measures were not used (free text)", NULL, NOMINAL,
           TEXT_WIDTH (text_q25));

  for (int k = 11; k <= 12; k++)
    add_grid_var (s, "q27", k, members_nb, offer_nb[k], members_en, offer_en[k], &extent, ORDINAL);
  for (int k = 11; k <= 12; k++)
    add_grid_var (s, "q28", k, activities_nb, offer_nb[k], activities_en, offer_en[k],
                  &extent, ORDINAL);
  add_var (s, "q29", "Erfaringer med samarbeidstiltakene dere har brukt (fritekst)",
           "Experiences with the collaboration measures used (free text)", NULL, NOMINAL,
           TEXT_WIDTH (text_q29));
  add_var (s, "q30", "Hvorfor dere ikke har brukt samarbeidstiltak dere kjenner til (fritekst)",
           "Why known collaboration measures were not used (free text)", NULL, NOMINAL,
           TEXT_WIDTH (text_q30));

  for (int k = 1; k <= 7; k++)
    add_grid_var (s, "q34", k, "Styrket eller svekket siden 2021: ", condition_nb[k],
                  "Strengthened or weakened since 2021: ", condition_en[k], &conditions, ORDINAL);
  for (int k = 1; k <= N_NEEDS; k++)
    add_grid_var (s, "q35", k, "Trenger for å styrke innsatsen for integrering: ", need_nb[k],
                  "Needs in order to strengthen integration work: ", need_en[k], &chosen, NOMINAL);
  add_var (s, "q35_other", "Trenger for å styrke innsatsen for integrering: Annet, nemlig",
           "Needs in order to strengthen integration work: Other, namely", NULL, NOMINAL,
           TEXT_WIDTH (text_q35_other));
  add_var (s, "q59", "Hva ville dere brukt mer midler til? (fritekst)",
           "What would you use more funding for? (free text)", NULL, NOMINAL,
           TEXT_WIDTH (text_q59));
  add_var (s, "q36",
           "Organisasjonens muligheter til å gjøre en innsats for integrering og inkludering av "
           "innvandrere i dag, sammenlignet med 2021",
           "The organisation's opportunities to work for the integration and inclusion of "
           "immigrants today, compared with 2021",
           &opportunities, ORDINAL, 0);
  add_var (s, "q37", "Viktigste årsak til bedre muligheter enn i 2021 (fritekst)",
           "Main reason for better opportunities than in 2021 (free text)", NULL, NOMINAL,
           TEXT_WIDTH (text_q37));
  add_var (s, "q38", "Viktigste årsak til dårligere muligheter enn i 2021 (fritekst)",
           "Main reason for poorer opportunities than in 2021 (free text)", NULL, NOMINAL,
           TEXT_WIDTH (text_q38));
  add_var (s, "q72",
           "Sammenlignet med 2021, hvordan er deltakelsen fra barn, unge og voksne med "
           "innvandrerbakgrunn i organisasjonen i dag?",
           "Compared with 2021, how is participation by children, young people and adults with an "
           "immigrant background in the organisation today?",
           &participation, ORDINAL, 0);
  add_var (s, "q73",
           "Sammenlignet med 2021, hvor mye arbeider organisasjonen i dag med "
           "integreringsaktiviteter?",
           "Compared with 2021, how much does the organisation work on integration activities "
           "today?",
           &integration_work, ORDINAL, 0);
  add_var (s, "q41",
           "Andre kommentarer eller innspill om sivilsamfunnets rolle på integreringsfeltet "
           "(fritekst)",
           "Other comments on the role of civil society in the integration field (free text)",
           NULL, NOMINAL, TEXT_WIDTH (text_q41));
  add_var (s, "q74", "Ønsker du å delta i et gruppeintervju?",
           "Would you like to take part in a group interview?", &yes_no, NOMINAL, 0);
  add_var (s, "q75", "Kontaktinformasjon: navn", "Contact details: name", NULL, NOMINAL, 40);
  add_var (s, "q76", "Kontaktinformasjon: e-post", "Contact details: email", NULL, NOMINAL, 64);
  add_var (s, "q77", "Kontaktinformasjon: telefon", "Contact details: telephone",
           NULL, NOMINAL, 16);

  s->num = g_new (double, (gsize) N_RESP * s->vars->len);
  s->str = g_new0 (const char *, (gsize) N_RESP * s->vars->len);
  for (gsize i = 0; i < (gsize) N_RESP * s->vars->len; i++)
    s->num[i] = NAN;
}

static guint
column (Survey     *s,
        const char *name)
{
  guint col = GPOINTER_TO_UINT (g_hash_table_lookup (s->columns, name));

  if (col == 0)
    g_error ("no variable %s", name);
  return col - 1;
}

static void
set_num (Survey     *s,
         int         row,
         const char *name,
         double      value)
{
  s->num[(gsize) row * s->vars->len + column (s, name)] = value;
}

static void
set_item (Survey     *s,
          int         row,
          const char *stem,
          int         k,
          double      value)
{
  char name[32];

  g_snprintf (name, sizeof name, "%s_%d", stem, k);
  set_num (s, row, name, value);
}

static void
set_str (Survey     *s,
         int         row,
         const char *name,
         const char *text)
{
  s->str[(gsize) row * s->vars->len + column (s, name)] = text;
}

/* ------------------------------------------------------------------------- */
/* Allocation                                                                */
/* ------------------------------------------------------------------------- */

typedef double (*RespWeight) (const Resp *r, gconstpointer data);

/* A cell of respondents: the fields that are set must match. */
typedef struct
{
  gboolean set;
  int      value;
} Match;

#define IS(v) { TRUE, (v) }

typedef struct
{
  Match immigrant;
  Match managing;     /* 0, 1, 2, or MANAGING for 1–2 */
  Match user;
  Match knower;
  Match higher;
  Match icnpo;
  Match stage;
  int   min_stage;
} Cell;

#define CELL(...) ((Cell) { __VA_ARGS__ })

static gboolean
matches (Match m,
         int   value)
{
  return !m.set || m.value == value;
}

static gboolean
cell_contains (const Cell *c,
               const Resp *r)
{
  if (c->managing.set && c->managing.value == MANAGING)
    {
      if (r->managing == 0)
        return FALSE;
    }
  else if (!matches (c->managing, r->managing))
    {
      return FALSE;
    }
  return matches (c->immigrant, r->immigrant) &&
         matches (c->user, r->user) &&
         matches (c->knower, r->knower) &&
         matches (c->higher, r->higher) &&
         matches (c->icnpo, r->icnpo) &&
         matches (c->stage, r->stage) &&
         r->stage >= c->min_stage;
}

static GArray *
collect (Survey     *s,
         const Cell *cell)
{
  GArray *pool = g_array_new (FALSE, FALSE, sizeof (int));

  for (int i = 0; i < N_RESP; i++)
    if (cell_contains (cell, &s->resp[i]))
      g_array_append_val (pool, i);
  return pool;
}

typedef struct
{
  int    row;
  double key;
} Keyed;

static int
keyed_compare (const void *a,
               const void *b)
{
  const Keyed *ka = a;
  const Keyed *kb = b;

  if (ka->key != kb->key)
    return ka->key > kb->key ? -1 : 1;
  return ka->row - kb->row;
}

/* Uniform in (0, 1), from 32 bits so that it is the same on every platform. */
static double
uniform (GRand *rand)
{
  return (g_rand_int (rand) + 1.0) / 4294967297.0;
}

/* Chooses exactly @n respondents of @pool, without replacement, each with a
 * chance proportional to @weight (Efraimidis and Spirakis: the n largest
 * keys u^(1/w)).  Returns them in the order of their keys. */
static GArray *
pick (Survey        *s,
      GArray        *pool,
      guint          n,
      RespWeight     weight,
      gconstpointer  data,
      const char    *what)
{
  g_autofree Keyed *keys = NULL;
  GArray *picked;

  if (pool->len < n)
    g_error ("%s: %u respondents needed, only %u qualify", what, n, pool->len);

  keys = g_new (Keyed, MAX (pool->len, 1));
  for (guint i = 0; i < pool->len; i++)
    {
      int row = g_array_index (pool, int, i);
      double w = weight != NULL ? weight (&s->resp[row], data) : 1.0;

      keys[i].row = row;
      keys[i].key = log (uniform (s->rand)) / w;
    }
  qsort (keys, pool->len, sizeof (Keyed), keyed_compare);

  picked = g_array_sized_new (FALSE, FALSE, sizeof (int), n);
  for (guint i = 0; i < n; i++)
    g_array_append_val (picked, keys[i].row);
  return picked;
}

static void
shuffle (GRand *rand,
         int   *rows,
         int    n)
{
  for (int i = n - 1; i > 0; i--)
    {
      int j = g_rand_int_range (rand, 0, i + 1);
      int tmp = rows[i];

      rows[i] = rows[j];
      rows[j] = tmp;
    }
}

typedef struct
{
  int        code;
  int        count;   /* -1: everybody left */
  RespWeight weight;
} CodeQuota;

/* Gives every respondent of @cell one code: the quotas are filled in order,
 * each by weighted draws among those still without a code, and the last one
 * takes the rest.  The code is stored in the int at @offset of Resp. */
static void
assign_codes (Survey          *s,
              const Cell      *cell,
              const CodeQuota *quotas,
              guint            n_quotas,
              gsize            offset,
              const char      *what)
{
  g_autoptr(GArray) pool = collect (s, cell);

  for (guint i = 0; i < pool->len; i++)
    s->resp[g_array_index (pool, int, i)].placed = FALSE;

  for (guint q = 0; q < n_quotas; q++)
    {
      g_autoptr(GArray) left = g_array_new (FALSE, FALSE, sizeof (int));
      g_autoptr(GArray) picked = NULL;
      guint n;

      for (guint i = 0; i < pool->len; i++)
        if (!s->resp[g_array_index (pool, int, i)].placed)
          g_array_append_val (left, g_array_index (pool, int, i));

      n = quotas[q].count < 0 ? left->len : (guint) quotas[q].count;
      if (q == n_quotas - 1 && n != left->len)
        g_error ("%s: the last quota is %u but %u respondents are left", what, n, left->len);

      picked = pick (s, left, n, quotas[q].weight, GINT_TO_POINTER (quotas[q].code), what);
      for (guint i = 0; i < picked->len; i++)
        {
          Resp *r = &s->resp[g_array_index (picked, int, i)];

          r->placed = TRUE;
          G_STRUCT_MEMBER (int, r, offset) = quotas[q].code;
        }
    }
}

/* Sets the int at @offset to @value for @n weighted picks of @cell. */
static void
mark (Survey        *s,
      const Cell    *cell,
      int            n,
      RespWeight     weight,
      gconstpointer  data,
      gsize          offset,
      int            value,
      const char    *what)
{
  g_autoptr(GArray) pool = collect (s, cell);
  g_autoptr(GArray) picked = pick (s, pool, n, weight, data, what);

  for (guint i = 0; i < picked->len; i++)
    G_STRUCT_MEMBER (int, &s->resp[g_array_index (picked, int, i)], offset) = value;
}

static int
count_true (const int *flags,
            int        n)
{
  int count = 0;

  for (int k = 1; k <= n; k++)
    count += flags[k] != 0;
  return count;
}

/* ------------------------------------------------------------------------- */
/* Weights: what makes an organisation likelier to be picked                 */
/* ------------------------------------------------------------------------- */

static double
urban_weight (const Resp    *r,
              gconstpointer  data)
{
  static const double factor[4][4] = {
    { 1.6, 1.3, 0.9, 0.5 },    /* rural */
    { 1.0, 1.0, 1.0, 1.0 },
    { 0.6, 0.8, 1.1, 1.5 },    /* towns */
    { 0.25, 0.5, 1.0, 2.5 },   /* cities */
  };

  return factor[GPOINTER_TO_INT (data) + 1][r->size - 1];
}

static double
immigrant_weight (const Resp    *r,
                  gconstpointer  data)
{
  static const double size_factor[4] = { 0.7, 0.8, 1.2, 1.8 };

  return icnpo[r->icnpo].imm_weight * size_factor[r->size - 1];
}

static double
employees_weight (const Resp    *r,
                  gconstpointer  data)
{
  static const double size_factor[4] = { 0.8, 0.9, 1.1, 1.4 };

  return icnpo[r->icnpo].staff_weight * size_factor[r->size - 1];
}

static double
user_weight (const Resp    *r,
             gconstpointer  data)
{
  return icnpo[r->icnpo].user_weight * (r->employees ? 2.5 : 1.0);
}

static double
knower_weight (const Resp    *r,
               gconstpointer  data)
{
  return sqrt (icnpo[r->icnpo].user_weight) * (r->employees ? 1.5 : 1.0);
}

static double
offer_affinity (const Resp *r,
                int         offer)
{
  double w = 1.0;

  switch (offer)
    {
    case 1:
      if (r->icnpo == ICNPO_CHILDREN_YOUTH || r->icnpo == ICNPO_SOCIAL_SERVICES ||
          r->icnpo == ICNPO_VOLUNTEER_CENTRES)
        w *= 2.0;
      break;
    case 2:
      if (r->icnpo == ICNPO_EMERGENCY || r->icnpo == ICNPO_VOLUNTEER_CENTRES)
        w *= 2.0;
      if (r->icnpo == ICNPO_RELIGIOUS)
        w *= 1.5;
      break;
    case 3:
    case 4:
      if (r->employees)
        w *= 1.5;
      break;
    case 5:
      if (r->icnpo == ICNPO_SOCIAL_SERVICES || r->icnpo == ICNPO_EMERGENCY)
        w *= 2.0;
      if (r->immigrant)
        w *= 1.5;
      break;
    case 6:
      if (r->employees)
        w *= 1.5;
      if (r->immigrant)
        w *= 1.5;
      break;
    case 7:
      if (r->immigrant)
        w *= 1.5;
      break;
    case 8:
      if (r->immigrant)
        w *= 8.0;
      break;
    case 9:
      if (r->icnpo == ICNPO_CHILDREN_YOUTH)
        w *= 2.0;
      if (r->icnpo >= ICNPO_PRIMARY_SECONDARY && r->icnpo <= ICNPO_OTHER_EDUCATION)
        w *= 2.5;
      break;
    case 10:
      if (r->icnpo == ICNPO_SPORTS)
        w *= 1.3;
      break;
    case 11:
      if (r->employees)
        w *= 2.0;
      if (r->icnpo == ICNPO_VOLUNTEER_CENTRES)
        w *= 2.0;
      break;
    case 12:
      if (r->icnpo == ICNPO_CHILDREN_YOUTH)
        w *= 4.0;
      if (r->immigrant)
        w *= 2.0;
      break;
    default:
      g_assert_not_reached ();
    }
  return w;
}

static double
offer_use_weight (const Resp    *r,
                  gconstpointer  data)
{
  return offer_affinity (r, GPOINTER_TO_INT (data));
}

static double
offer_awareness_weight (const Resp    *r,
                        gconstpointer  data)
{
  int offer = GPOINTER_TO_INT (data);
  double w = sqrt (offer_affinity (r, offer)) * (r->user ? 1.3 : 1.0);

  if (offer != 7 && r->immigrant)
    w *= 1.8;
  return w;
}

static double
strategy_weight (const Resp    *r,
                 gconstpointer  data)
{
  double w = r->user ? 5.0 : r->knower ? 2.5 : 0.6;

  return w * (r->employees ? 1.5 : 1.0);
}

static double
q72_weight (const Resp    *r,
            gconstpointer  data)
{
  switch (GPOINTER_TO_INT (data))
    {
    case 4:
    case 5:
      return (r->immigrant ? 3.0 : 1.0) * (r->knower ? 2.0 : 1.0) * (r->used[7] ? 1.5 : 1.0);
    case 6:
      return r->user || r->knower ? 0.7 : 1.2;
    default:
      return 1.0;
    }
}

static double
q73_weight (const Resp    *r,
            gconstpointer  data)
{
  gboolean higher = r->q72 == 4 || r->q72 == 5;

  switch (GPOINTER_TO_INT (data))
    {
    case 5:
      return (higher ? 6.0 : 1.0) * (r->user ? 2.0 : 1.0) * (r->immigrant ? 1.5 : 1.0);
    case 4:
      return (higher ? 3.0 : 1.0) * (r->user ? 1.5 : 1.0);
    case 1:
      return r->q72 == 1 ? 8.0 : r->q72 == 2 ? 4.0 : 1.0;
    case 2:
      return r->q72 == 1 || r->q72 == 2 ? 5.0 : 1.0;
    case 6:
      return r->q72 == 6 ? 6.0 : 1.0;
    default:
      return 1.0;
    }
}

static double
need_weight (const Resp    *r,
             gconstpointer  data)
{
  switch (GPOINTER_TO_INT (data))
    {
    case 1:
      return (r->user ? 1.6 : 1.0) * (r->immigrant ? 1.5 : 1.0);
    case 3:
    case 4:
    case 5:
      return (r->user ? 1.3 : 1.0) * (r->immigrant ? 0.7 : 1.0);
    case 8:
    case 9:
      return r->immigrant ? 3.0 : 1.0;
    case 10:
      return r->icnpo == ICNPO_CHILDREN_YOUTH ? 3.0 : r->icnpo == ICNPO_SPORTS ? 1.5 : 1.0;
    case 11:
    case 12:
    case 13:
      return r->user ? 1.3 : 1.0;
    case 14:
      return r->immigrant ? 2.0 : 1.0;
    case 18:
      return (r->user || r->knower ? 0.4 : 2.0) * (r->immigrant ? 0.3 : 1.0);
    default:
      return 1.0;
    }
}

/* ------------------------------------------------------------------------- */
/* The respondents                                                           */
/* ------------------------------------------------------------------------- */

/* Size classes (table 1-2) and the 40 managing municipalities: the 20
 * original ones include Oslo and Bergen and other large municipalities (1,700
 * organisations here), the 20 new ones are large and medium-sized (900). */
static void
generate_register (Survey *s)
{
  static const struct { int size, n, original, added; } classes[] = {
    { 1, 639, 0, 0 },
    { 2, 1164, 0, 100 },
    { 3, 2553, 953, 800 },
    { 4, 747, 747, 0 },
  };
  int row = 0;
  int total = 0;

  for (guint c = 0; c < G_N_ELEMENTS (classes); c++)
    for (int k = 0; k < classes[c].n; k++, row++)
      {
        s->resp[row].size = classes[c].size;
        s->resp[row].managing = k < classes[c].original ? 1 :
                                k < classes[c].original + classes[c].added ? 2 : 0;
      }
  g_assert (row == N_RESP);

  /* ICNPO: categories with a marked urban or rural profile first, then the
   * rest; the last one takes who is left. */
  for (int c = 1; c <= N_ICNPO; c++)
    total += icnpo[c].respondents;
  g_assert (total == N_RESP);

  for (int pass = 0; pass < 4; pass++)
    {
      static const int profile[4] = { 2, 1, -1, 0 };

      for (int c = 1; c <= N_ICNPO; c++)
        {
          if (icnpo[c].urban != profile[pass])
            continue;
          mark (s, &CELL (.icnpo = IS (0)), icnpo[c].respondents, urban_weight,
                GINT_TO_POINTER (icnpo[c].urban), G_STRUCT_OFFSET (Resp, icnpo), c, "reg_icnpo");
        }
    }

  for (int m = 0; m < 3; m++)
    mark (s, &CELL (.managing = IS (m)), immigrant_by_managing[m], immigrant_weight, NULL,
          G_STRUCT_OFFSET (Resp, immigrant), TRUE, "immigrant organisations");

  /* table 1-2: 6.3 % have registered employees */
  mark (s, &CELL (.min_stage = 0), 321, employees_weight, NULL,
        G_STRUCT_OFFSET (Resp, employees), 1, "reg_ansatte");
}

/* Who used an offer, who knew one without using any, and which of the users
 * report higher participation (q72 4–5). */
static void
generate_groups (Survey *s)
{
  for (int imm = 0; imm < 2; imm++)
    for (int m = 0; m < 3; m++)
      {
        Cell users = CELL (.immigrant = IS (imm), .managing = IS (m), .user = IS (TRUE));
        Cell others = CELL (.immigrant = IS (imm), .managing = IS (m), .user = IS (FALSE));

        mark (s, &CELL (.immigrant = IS (imm), .managing = IS (m)), users_by_cell[imm][m],
              user_weight, NULL, G_STRUCT_OFFSET (Resp, user), TRUE, "users");
        mark (s, &users, higher_by_cell[imm][m], NULL, NULL,
              G_STRUCT_OFFSET (Resp, higher), TRUE, "higher participation");
        mark (s, &others, knowers_by_cell[imm][m], knower_weight, NULL,
              G_STRUCT_OFFSET (Resp, knower), TRUE, "knowers");
      }
}

static void
mark_used (Survey     *s,
           const Cell *cell,
           int         offer,
           int         n)
{
  g_autoptr(GArray) pool = collect (s, cell);
  g_autoptr(GArray) picked = pick (s, pool, n, offer_use_weight, GINT_TO_POINTER (offer), "q16");

  for (guint i = 0; i < picked->len; i++)
    s->resp[g_array_index (picked, int, i)].used[offer] = TRUE;
}

static gboolean
same_use_cell (const Resp *a,
               const Resp *b)
{
  return a->immigrant == b->immigrant && a->managing == b->managing && a->higher == b->higher;
}

/* q16: each offer's users are allocated within the cells its figures are
 * printed for; then everybody who used "at least one" gets one, from a user
 * in the same cell who has several (which keeps every count). */
static void
generate_offer_use (Survey *s)
{
  int order[N_RESP];

  for (int imm = 0; imm < 2; imm++)
    for (int m = 0; m < 3; m++)
      for (int h = 0; h < 2; h++)
        mark_used (s, &CELL (.user = IS (TRUE), .immigrant = IS (imm), .managing = IS (m),
                             .higher = IS (h)),
                   7, used7[imm][m][h]);

  for (int imm = 0; imm < 2; imm++)
    for (int h = 0; h < 2; h++)
      {
        Cell cell = CELL (.user = IS (TRUE), .immigrant = IS (imm), .higher = IS (h));

        mark_used (s, &cell, 6, used6[imm][h]);
        mark_used (s, &cell, 1, used1[imm][h]);
      }

  for (int k = 2; k <= N_OFFERS; k++)
    {
      if (k == 6 || k == 7)
        continue;
      mark_used (s, &CELL (.user = IS (TRUE), .higher = IS (TRUE)), k, used_higher[k]);
      mark_used (s, &CELL (.user = IS (TRUE), .higher = IS (FALSE)), k,
                 used_total[k] - used_higher[k]);
    }

  for (int i = 0; i < N_RESP; i++)
    order[i] = i;
  shuffle (s->rand, order, N_RESP);

  for (int i = 0; i < N_RESP; i++)
    {
      Resp *z = &s->resp[order[i]];
      Resp *donor = NULL;
      int most = 1;
      int start;

      if (!z->user || count_true (z->used, N_OFFERS) > 0)
        continue;

      for (int j = 0; j < N_RESP; j++)
        {
          Resp *y = &s->resp[order[j]];
          int n;

          if (!y->user || !same_use_cell (y, z))
            continue;
          n = count_true (y->used, N_OFFERS);
          if (n > most)
            {
              most = n;
              donor = y;
            }
        }
      if (donor == NULL)
        g_error ("q16: no user in the cell can give an offer away");

      start = g_rand_int_range (s->rand, 0, N_OFFERS);
      for (int d = 0; d < N_OFFERS; d++)
        {
          int k = 1 + (start + d) % N_OFFERS;

          if (donor->used[k])
            {
              donor->used[k] = FALSE;
              z->used[k] = TRUE;
              break;
            }
        }
    }

  for (int i = 0; i < N_RESP; i++)
    for (int k = 1; k <= N_OFFERS; k++)
      s->resp[i].heard[k] = s->resp[i].used[k];
}

static void
mark_known (Survey     *s,
            const Cell *cell,
            int         offer,
            int         n)
{
  g_autoptr(GArray) pool = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) picked = NULL;

  for (int i = 0; i < N_RESP; i++)
    {
      const Resp *r = &s->resp[i];

      if ((r->user || r->knower) && !r->heard[offer] && cell_contains (cell, r))
        g_array_append_val (pool, i);
    }
  picked = pick (s, pool, n, offer_awareness_weight, GINT_TO_POINTER (offer), "q15");
  for (guint i = 0; i < picked->len; i++)
    s->resp[g_array_index (picked, int, i)].heard[offer] = TRUE;
}

/* q15: offers known but not used go to users and knowers; afterwards every
 * knower who got none takes one from an organisation that knows several. */
static void
generate_offer_awareness (Survey *s)
{
  int order[N_RESP];

  for (int imm = 0; imm < 2; imm++)
    for (int m = 0; m < 3; m++)
      mark_known (s, &CELL (.immigrant = IS (imm), .managing = IS (m)), 7, known7[imm][m]);
  for (int k = 1; k <= N_OFFERS; k++)
    if (k != 7)
      mark_known (s, &CELL (.min_stage = 0), k, heard_total[k] - used_total[k]);

  for (int i = 0; i < N_RESP; i++)
    order[i] = i;
  shuffle (s->rand, order, N_RESP);

  for (int i = 0; i < N_RESP; i++)
    {
      Resp *z = &s->resp[order[i]];
      gboolean moved = FALSE;

      if (!z->knower || count_true (z->heard, N_OFFERS) > 0)
        continue;

      for (int least = 3; least >= 2 && !moved; least--)
        for (int j = 0; j < N_RESP && !moved; j++)
          {
            Resp *y = &s->resp[order[j]];

            if (!(y->user || y->knower) || count_true (y->heard, N_OFFERS) < least)
              continue;
            for (int k = 1; k <= N_OFFERS && !moved; k++)
              {
                gboolean same_cell = y->immigrant == z->immigrant && y->managing == z->managing;

                if (y->heard[k] && !y->used[k] && (k != 7 || same_cell))
                  {
                    y->heard[k] = FALSE;
                    z->heard[k] = TRUE;
                    moved = TRUE;
                  }
              }
          }
      if (!moved)
        g_error ("q15: no organisation can give an offer away");
    }
}

/* q10 = Ja: exactly table 3-1 per ICNPO category, 117 of them (32 %) among
 * the 367 immigrant organisations. */
static void
generate_strategy_awareness (Survey *s)
{
  int taken[N_ICNPO + 1] = { 0 };
  int total = 0;
  g_autoptr(GArray) immigrants = collect (s, &CELL (.immigrant = IS (TRUE)));
  g_autoptr(GArray) ranked = pick (s, immigrants, immigrants->len, strategy_weight, NULL, "q10");
  int wanted = 117;

  for (int c = 1; c <= N_ICNPO; c++)
    total += icnpo[c].heard;
  g_assert (total == 1029);

  for (guint i = 0; i < ranked->len && wanted > 0; i++)
    {
      Resp *r = &s->resp[g_array_index (ranked, int, i)];

      if (taken[r->icnpo] < icnpo[r->icnpo].heard)
        {
          r->strategy = TRUE;
          taken[r->icnpo]++;
          wanted--;
        }
    }
  if (wanted > 0)
    g_error ("q10: cannot place the immigrant organisations");

  for (int c = 1; c <= N_ICNPO; c++)
    mark (s, &CELL (.immigrant = IS (FALSE), .icnpo = IS (c)), icnpo[c].heard - taken[c],
          strategy_weight, NULL, G_STRUCT_OFFSET (Resp, strategy), TRUE, "q10");
}

/* How far each respondent got, and q72/q73. */
static void
generate_stages_and_change (Survey *s)
{
  static const CodeQuota users_dropping[] = {
    { 1, 60 }, { 2, 14 }, { 3, 14 }, { 4, 12 }, { 0, 478 },
  };
  static const CodeQuota users_finishing[] = { { 5, 10 }, { 6, 8 }, { 7, 820 } };
  static const CodeQuota others[] = {
    { 1, 323 }, { 2, 56 }, { 3, 56 }, { 4, 66 }, { 5, 46 }, { 6, 38 }, { 7, 3580 },
  };
  /* figure 8-1: 360 of the 838 users higher, 344 the same, 75 lower; all
   * 4,502: 900 higher, 2,385 the same, 225 lower */
  static const CodeQuota q72_higher[] = { { 5, 110, q72_weight }, { 4, 250, q72_weight } };
  static const CodeQuota q72_users[] = {
    { 1, 20, q72_weight }, { 2, 55, q72_weight }, { 6, 59, q72_weight }, { 3, 344, q72_weight },
  };
  static const CodeQuota q72_others[] = {
    { 5, 110, q72_weight }, { 4, 430, q72_weight }, { 1, 40, q72_weight },
    { 2, 110, q72_weight }, { 6, 933, q72_weight }, { 3, 2041, q72_weight },
  };
  /* figure 8-2: N 4,446, 11 % a little more, 19 % don't know */
  static const CodeQuota q73_all[] = {
    { 5, 356, q73_weight }, { 4, 489, q73_weight }, { 1, 88, q73_weight },
    { 2, 178, q73_weight }, { 6, 845, q73_weight }, { 3, 2490, q73_weight },
  };
  const gsize stage = G_STRUCT_OFFSET (Resp, stage);

  /* users: 100 of those without higher participation break off before
   * q72, the other 838 answer it (the higher ones among them) */
  assign_codes (s, &CELL (.user = IS (TRUE), .higher = IS (FALSE)), users_dropping,
                G_N_ELEMENTS (users_dropping), stage, "stage");
  assign_codes (s, &CELL (.user = IS (TRUE), .stage = IS (0)), users_finishing,
                G_N_ELEMENTS (users_finishing), stage, "stage");

  assign_codes (s, &CELL (.user = IS (FALSE)), others, G_N_ELEMENTS (others), stage, "stage");

  assign_codes (s, &CELL (.user = IS (TRUE), .higher = IS (TRUE)), q72_higher,
                G_N_ELEMENTS (q72_higher), G_STRUCT_OFFSET (Resp, q72), "q72");
  assign_codes (s, &CELL (.user = IS (TRUE), .higher = IS (FALSE), .min_stage = 5), q72_users,
                G_N_ELEMENTS (q72_users), G_STRUCT_OFFSET (Resp, q72), "q72");
  assign_codes (s, &CELL (.user = IS (FALSE), .min_stage = 5), q72_others,
                G_N_ELEMENTS (q72_others), G_STRUCT_OFFSET (Resp, q72), "q72");
  assign_codes (s, &CELL (.min_stage = 6), q73_all, G_N_ELEMENTS (q73_all),
                G_STRUCT_OFFSET (Resp, q73), "q73");
}

/* q35: "Ikke relevant" first, then everybody else gets one need and the
 * counts are topped up by weighted draws. */
static void
generate_needs (Survey *s)
{
  g_autoptr(GArray) pool = NULL;
  int primary[N_NEEDS] = { 0 };
  gint64 sum = 0;
  int given = 0;

  mark (s, &CELL (.min_stage = 3), needs_total[18], need_weight, GINT_TO_POINTER (18),
        G_STRUCT_OFFSET (Resp, need) + 18 * sizeof (int), TRUE, "q35_18");

  pool = g_array_new (FALSE, FALSE, sizeof (int));
  for (int i = 0; i < N_RESP; i++)
    if (s->resp[i].stage >= 3 && !s->resp[i].need[18])
      g_array_append_val (pool, i);
  g_assert (pool->len == 4650 - (guint) needs_total[18]);

  /* primary needs in proportion to the counts (largest remainders) */
  for (int k = 1; k < N_NEEDS; k++)
    sum += needs_total[k];
  {
    gint64 rest[N_NEEDS] = { 0 };

    for (int k = 1; k < N_NEEDS; k++)
      {
        primary[k] = (int) ((gint64) needs_total[k] * pool->len / sum);
        rest[k] = (gint64) needs_total[k] * pool->len % sum;
        given += primary[k];
      }
    while (given < (int) pool->len)
      {
        int best = 1;

        for (int k = 2; k < N_NEEDS; k++)
          if (rest[k] > rest[best])
            best = k;
        primary[best]++;
        rest[best] = -1;
        given++;
      }
  }

  for (guint i = 0; i < pool->len; i++)
    s->resp[g_array_index (pool, int, i)].placed = FALSE;
  for (int k = 1; k < N_NEEDS; k++)
    {
      g_autoptr(GArray) left = g_array_new (FALSE, FALSE, sizeof (int));
      g_autoptr(GArray) picked = NULL;

      for (guint i = 0; i < pool->len; i++)
        if (!s->resp[g_array_index (pool, int, i)].placed)
          g_array_append_val (left, g_array_index (pool, int, i));
      picked = pick (s, left, primary[k], need_weight, GINT_TO_POINTER (k), "q35");
      for (guint i = 0; i < picked->len; i++)
        {
          Resp *r = &s->resp[g_array_index (picked, int, i)];

          r->placed = TRUE;
          r->need[k] = TRUE;
        }
    }

  for (int k = 1; k < N_NEEDS; k++)
    {
      g_autoptr(GArray) left = g_array_new (FALSE, FALSE, sizeof (int));
      g_autoptr(GArray) picked = NULL;

      for (guint i = 0; i < pool->len; i++)
        if (!s->resp[g_array_index (pool, int, i)].need[k])
          g_array_append_val (left, g_array_index (pool, int, i));
      picked = pick (s, left, needs_total[k] - primary[k], need_weight, GINT_TO_POINTER (k),
                     "q35");
      for (guint i = 0; i < picked->len; i++)
        s->resp[g_array_index (picked, int, i)].need[k] = TRUE;
    }
}

/* ------------------------------------------------------------------------- */
/* The answers                                                               */
/* ------------------------------------------------------------------------- */

/* Draws a code from @weights (codes 1..n). */
static int
draw (GRand        *rand,
      const double *weights,
      int           n)
{
  double total = 0.0;
  double u;

  for (int i = 0; i < n; i++)
    total += weights[i];
  u = g_rand_double (rand) * total;
  for (int i = 0; i < n; i++)
    {
      if (u < weights[i])
        return i + 1;
      u -= weights[i];
    }
  return n;
}

static const char *
choose_text (GRand              *rand,
             const char * const *texts,
             guint               n)
{
  return texts[g_rand_int_range (rand, 0, n)];
}

#define CHOOSE_TEXT(rand, texts) choose_text (rand, texts, G_N_ELEMENTS (texts))

static void
fill_background (Survey *s,
                 int     i)
{
  static const double org_type_w[2][5] = {
    { 52, 33, 6, 5, 4 },
    { 70, 12, 8, 6, 4 },
  };
  static const double volunteers_w[2][9] = {
    { 0, 0, 0, 0, 25, 30, 27, 7, 11 },
    { 15, 22, 30, 33, 0, 0, 0, 0, 0 },
  };
  static const double members_w[2][9] = {
    { 0.2, 0.3, 0.5, 1, 24, 30, 26, 8, 10 },
    { 12, 20, 25, 25, 10, 2, 0, 3, 3 },
  };
  /* q8 by group: immigrant organisation, user, knower, other */
  static const double central_w[4][6] = {
    { 3, 5, 15, 35, 40, 2 }, { 8, 14, 30, 30, 15, 3 },
    { 20, 25, 30, 15, 5, 5 }, { 45, 25, 18, 5, 2, 5 },
  };
  static const double increase_w[4][6] = {
    { 3, 6, 18, 35, 35, 3 }, { 7, 13, 30, 32, 15, 3 },
    { 18, 22, 32, 18, 5, 5 }, { 38, 25, 24, 6, 2, 5 },
  };
  static const double no_focus_w[4][6] = {
    { 45, 30, 12, 6, 4, 3 }, { 20, 28, 25, 17, 7, 3 },
    { 10, 18, 27, 27, 14, 4 }, { 5, 8, 20, 32, 31, 4 },
  };
  Resp *r = &s->resp[i];
  int group = r->immigrant ? 0 : r->user ? 1 : r->knower ? 2 : 3;
  int years;
  int q5;

  set_num (s, i, "reg_icnpo", r->icnpo);
  set_num (s, i, "reg_kommunestr", r->size);
  set_num (s, i, "reg_forvalter", r->managing);
  set_num (s, i, "reg_ansatte", r->employees);

  years = (int) floor (-log (uniform (s->rand)) * 8.0);
  set_num (s, i, "q4", MIN (years, 50));
  q5 = draw (s->rand, org_type_w[r->immigrant], 5);
  set_num (s, i, "q5", q5);
  if (q5 == 5 && g_rand_double (s->rand) < 0.85)
    set_str (s, i, "q5_other", CHOOSE_TEXT (s->rand, text_q5_other));

  set_num (s, i, "q6_alt_1", draw (s->rand, volunteers_w[r->immigrant], 9));
  set_num (s, i, "q6_alt_2", draw (s->rand, members_w[r->immigrant], 9));
  set_num (s, i, "q8_1", draw (s->rand, central_w[group], 6));
  set_num (s, i, "q8_2", draw (s->rand, increase_w[group], 6));
  set_num (s, i, "q8_3", draw (s->rand, no_focus_w[group], 6));
  set_num (s, i, "q10", r->strategy ? 1 : 2);
}

static void
fill_offers (Survey *s,
             int     i)
{
  Resp *r = &s->resp[i];
  gboolean used_any[3] = { FALSE, FALSE, FALSE };     /* information, economic, collaboration */
  gboolean unused_any[3] = { FALSE, FALSE, FALSE };

  for (int k = 1; k <= N_OFFERS; k++)
    {
      int block = k <= 4 ? 0 : k <= 10 ? 1 : 2;

      set_item (s, i, "q15", k, r->heard[k]);
      if (r->heard[k])
        set_item (s, i, "q16", k, r->used[k]);
      used_any[block] |= r->used[k];
      unused_any[block] |= r->heard[k] && !r->used[k];
    }
  set_num (s, i, "q15_13", !(r->user || r->knower));

  if (used_any[0] && g_rand_double (s->rand) < 0.3)
    set_str (s, i, "q19", CHOOSE_TEXT (s->rand, text_q19));
  if (unused_any[0] && g_rand_double (s->rand) < 0.15)
    set_str (s, i, "q21", CHOOSE_TEXT (s->rand, text_q21));
  if (used_any[1] && g_rand_double (s->rand) < 0.3)
    set_str (s, i, "q24", CHOOSE_TEXT (s->rand, text_q24));
  if (unused_any[1] && g_rand_double (s->rand) < 0.15)
    set_str (s, i, "q25", CHOOSE_TEXT (s->rand, text_q25));
  if (used_any[2] && g_rand_double (s->rand) < 0.3)
    set_str (s, i, "q29", CHOOSE_TEXT (s->rand, text_q29));
  if (unused_any[2] && g_rand_double (s->rand) < 0.15)
    set_str (s, i, "q30", CHOOSE_TEXT (s->rand, text_q30));
}

/* The outcome rows: exactly @n of the offer's users answer, with exactly the
 * distribution given; those reporting higher participation lean positive. */
static void
fill_outcome (Survey        *s,
              const Outcome *o)
{
  g_autoptr(GArray) pool = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) answering = NULL;
  g_autofree Keyed *ranked = NULL;
  int total = 0;
  int next = 0;

  for (int c = 0; c < 6; c++)
    total += o->dist[c];
  if (total != o->n)
    g_error ("%s: distribution adds up to %d, not %d", o->name, total, o->n);

  for (int i = 0; i < N_RESP; i++)
    {
      const Resp *r = &s->resp[i];
      Cell cell = CELL (.managing = { o->managing != ANY, o->managing });

      if (r->used[o->offer] && cell_contains (&cell, r))
        g_array_append_val (pool, i);
    }
  answering = pick (s, pool, o->n, NULL, NULL, o->name);

  /* "Vet ikke" at random, the scale by a score */
  for (int k = 0; k < o->dist[5]; k++)
    set_num (s, g_array_index (answering, int, next++), o->name, 6);

  ranked = g_new (Keyed, MAX (o->n, 1));
  for (int k = next; k < o->n; k++)
    {
      int row = g_array_index (answering, int, k);
      const Resp *r = &s->resp[row];

      ranked[k - next].row = row;
      ranked[k - next].key = g_rand_double (s->rand) + 0.6 * r->higher + 0.2 * r->immigrant;
    }
  qsort (ranked, o->n - next, sizeof (Keyed), keyed_compare);

  next = 0;
  for (int code = 5; code >= 1; code--)
    for (int k = 0; k < o->dist[code - 1]; k++)
      set_num (s, ranked[next++].row, o->name, code);
}

static void
fill_later (Survey *s,
            int     i)
{
  /* q34 rows by [user][answer 1..7] */
  static const double conditions_w[2][7][7] = {
    {
      { 5, 11, 40, 10, 2, 14, 18 }, { 2, 6, 48, 12, 3, 15, 14 }, { 2, 5, 46, 10, 2, 19, 16 },
      { 4, 12, 50, 10, 2, 12, 10 }, { 3, 7, 48, 11, 3, 14, 14 }, { 2, 5, 46, 7, 2, 18, 20 },
      { 2, 5, 50, 14, 3, 13, 13 },
    },
    {
      { 7, 15, 30, 26, 8, 7, 7 }, { 3, 8, 38, 32, 8, 7, 4 }, { 3, 7, 40, 28, 6, 10, 6 },
      { 6, 16, 38, 25, 6, 6, 3 }, { 4, 9, 34, 34, 10, 6, 3 }, { 3, 7, 42, 24, 5, 10, 9 },
      { 2, 6, 40, 32, 9, 7, 4 },
    },
  };
  static const double opportunities_w[2][7] = {
    { 4, 15, 52, 7, 2, 10, 10 },
    { 10, 33, 33, 12, 4, 6, 2 },
  };
  Resp *r = &s->resp[i];

  if (r->stage >= 2)
    for (int k = 1; k <= 7; k++)
      set_item (s, i, "q34", k, draw (s->rand, conditions_w[r->user][k - 1], 7));

  if (r->stage >= 3)
    {
      for (int k = 1; k <= N_NEEDS; k++)
        set_item (s, i, "q35", k, r->need[k]);
      if (r->need[17] && g_rand_double (s->rand) < 0.9)
        set_str (s, i, "q35_other", CHOOSE_TEXT (s->rand, text_q35_other));
      if (r->need[1] && g_rand_double (s->rand) < 0.4)
        set_str (s, i, "q59", CHOOSE_TEXT (s->rand, text_q59));
    }

  if (r->stage >= 4)
    {
      int q36 = draw (s->rand, opportunities_w[r->user], 7);

      set_num (s, i, "q36", q36);
      if (q36 <= 2 && g_rand_double (s->rand) < 0.45)
        set_str (s, i, "q37", CHOOSE_TEXT (s->rand, text_q37));
      if ((q36 == 4 || q36 == 5) && g_rand_double (s->rand) < 0.45)
        set_str (s, i, "q38", CHOOSE_TEXT (s->rand, text_q38));
    }

  if (r->stage >= 5)
    set_num (s, i, "q72", r->q72);

  if (r->stage >= 6)
    {
      set_num (s, i, "q73", r->q73);
      if (g_rand_double (s->rand) < 0.08)
        set_str (s, i, "q41", CHOOSE_TEXT (s->rand, text_q41));
    }

  /* q75–q77 (contact details) stay empty: this is a demo */
  if (r->stage >= 7)
    set_num (s, i, "q74", g_rand_double (s->rand) < (r->user ? 0.12 : 0.04) ? 1 : 2);
}

static void
generate (Survey *s)
{
  generate_register (s);
  generate_groups (s);
  generate_offer_use (s);
  generate_offer_awareness (s);
  generate_strategy_awareness (s);
  generate_stages_and_change (s);
  generate_needs (s);

  for (int i = 0; i < N_RESP; i++)
    {
      fill_background (s, i);
      fill_offers (s, i);
      fill_later (s, i);
    }
  for (guint o = 0; o < G_N_ELEMENTS (outcomes); o++)
    fill_outcome (s, &outcomes[o]);
}

/* A few of the figures, recounted from the finished variables. */
static void
check (Survey *s)
{
  int users = 0;
  int none = 0;

  for (int k = 1; k <= N_OFFERS; k++)
    {
      g_autofree char *q15 = g_strdup_printf ("q15_%d", k);
      g_autofree char *q16 = g_strdup_printf ("q16_%d", k);
      guint c15 = column (s, q15);
      guint c16 = column (s, q16);
      int heard = 0;
      int used = 0;

      for (int i = 0; i < N_RESP; i++)
        {
          double h = s->num[(gsize) i * s->vars->len + c15];
          double u = s->num[(gsize) i * s->vars->len + c16];

          heard += h == 1;
          used += u == 1;
          if (u == 1 && h != 1)
            g_error ("respondent %d used offer %d without knowing it", i, k);
        }
      if (heard != heard_total[k] || used != used_total[k])
        g_error ("offer %d: heard %d used %d", k, heard, used);
    }
  for (int i = 0; i < N_RESP; i++)
    {
      users += s->resp[i].user;
      none += s->num[(gsize) i * s->vars->len + column (s, "q15_13")] == 1;
      if (s->resp[i].user != (count_true (s->resp[i].used, N_OFFERS) > 0))
        g_error ("respondent %d: user flag and q16 disagree", i);
      if (s->resp[i].knower && count_true (s->resp[i].heard, N_OFFERS) == 0)
        g_error ("respondent %d: knows no offer", i);
    }
  if (users != 938 || none != 3011)
    g_error ("users %d, none known %d", users, none);
}

/* ------------------------------------------------------------------------- */
/* Output                                                                    */
/* ------------------------------------------------------------------------- */

static ssize_t
write_to_file (const void *data,
               size_t      len,
               void       *ctx)
{
  return fwrite (data, 1, len, ctx) == len ? (ssize_t) len : -1;
}

static gboolean
check_readstat (readstat_error_t   status,
                const char        *what,
                GError           **error)
{
  if (status == READSTAT_OK)
    return TRUE;
  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "%s: %s", what,
               readstat_error_message (status));
  return FALSE;
}

static gboolean
write_sav (Survey      *s,
           const char  *path,
           GError     **error)
{
  g_autofree char *tmp_path = g_strconcat (path, ".tmp", NULL);
  g_autoptr(GHashTable) sets = g_hash_table_new (NULL, NULL);
  g_autofree readstat_variable_t **vars = g_new0 (readstat_variable_t *, s->vars->len);
  g_autofree int *order = g_new (int, N_RESP);
  readstat_writer_t *writer;
  FILE *fp;
  gboolean ok = FALSE;

  fp = g_fopen (tmp_path, "wb");
  if (fp == NULL)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno), "%s: %s", tmp_path,
                   g_strerror (errno));
      return FALSE;
    }

  writer = readstat_writer_init ();
  readstat_set_data_writer (writer, write_to_file);
  readstat_writer_set_file_label (writer, "Evalkit demo: syntetisk spørreundersøkelse 2025");
  readstat_writer_set_file_timestamp (writer, TIMESTAMP);
  readstat_writer_set_compression (writer, READSTAT_COMPRESS_ROWS);
  readstat_add_note (writer, "Synthetic demo data made by evk-make-demo-survey (Evalkit).");
  readstat_add_note (writer, "Made-up answers shaped after the survey of voluntary organisations");
  readstat_add_note (writer, "in the evaluation of the strategy Hverdagsintegrering (2025).");

  for (guint v = 0; v < s->vars->len; v++)
    {
      VarDef *def = g_ptr_array_index (s->vars, v);
      readstat_variable_t *var;

      if (def->string_width > 0)
        {
          var = readstat_add_variable (writer, def->name, READSTAT_TYPE_STRING, def->string_width);
          readstat_variable_set_alignment (var, READSTAT_ALIGNMENT_LEFT);
          readstat_variable_set_display_width (var, def->string_width);
        }
      else
        {
          var = readstat_add_variable (writer, def->name, READSTAT_TYPE_INT32, 0);
          readstat_variable_set_format (var, def->format);
          readstat_variable_set_alignment (var, READSTAT_ALIGNMENT_RIGHT);
          readstat_variable_set_display_width (var, 8);
        }
      readstat_variable_set_label (var, def->label_nb);
      readstat_variable_set_measure (var, def->measure);

      if (def->labels != NULL)
        {
          readstat_label_set_t *set = g_hash_table_lookup (sets, def->labels);

          if (set == NULL)
            {
              set = readstat_add_label_set (writer, READSTAT_TYPE_INT32, def->labels->name);
              for (guint l = 0; l < def->labels->n_values; l++)
                {
                  const ValueLabel *value = &def->labels->values[l];

                  /* SPSS keeps 120 bytes of a value label */
                  if (strlen (value->nb) > 120)
                    g_error ("%s = %d: value label too long", def->name, value->code);
                  readstat_label_int32_value (set, value->code, value->nb);
                }
              g_hash_table_insert (sets, (gpointer) def->labels, set);
            }
          readstat_variable_set_label_set (var, set);
          for (guint l = 0; l < def->labels->n_values; l++)
            if (def->labels->values[l].missing != NULL)
              readstat_variable_add_missing_double_value (var, def->labels->values[l].code);
        }
      vars[v] = var;
    }

  if (!check_readstat (readstat_begin_writing_sav (writer, fp, N_RESP), path, error))
    goto out;

  /* the rows in a shuffled order, numbered in that order */
  for (int i = 0; i < N_RESP; i++)
    order[i] = i;
  shuffle (s->rand, order, N_RESP);

  for (int n = 0; n < N_RESP; n++)
    {
      int row = order[n];
      char id[16];

      g_snprintf (id, sizeof id, "R%05d", n + 1);
      if (!check_readstat (readstat_begin_row (writer), path, error))
        goto out;
      for (guint v = 0; v < s->vars->len; v++)
        {
          VarDef *def = g_ptr_array_index (s->vars, v);
          gsize cell = (gsize) row * s->vars->len + v;
          readstat_error_t status;

          if (v == 0)
            status = readstat_insert_string_value (writer, vars[v], id);
          else if (def->string_width > 0)
            status = readstat_insert_string_value (writer, vars[v],
                                                   s->str[cell] != NULL ? s->str[cell] : "");
          else if (isnan (s->num[cell]))
            status = readstat_insert_missing_value (writer, vars[v]);
          else
            status = readstat_insert_int32_value (writer, vars[v], (gint32) s->num[cell]);
          if (!check_readstat (status, def->name, error))
            goto out;
        }
      if (!check_readstat (readstat_end_row (writer), path, error))
        goto out;
    }

  if (!check_readstat (readstat_end_writing (writer), path, error))
    goto out;
  ok = TRUE;

out:
  readstat_writer_free (writer);
  if (fclose (fp) != 0 && ok)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno), "%s: %s", tmp_path,
                   g_strerror (errno));
      ok = FALSE;
    }
  if (ok && g_rename (tmp_path, path) != 0)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno), "%s: %s", path,
                   g_strerror (errno));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (tmp_path);
  return ok;
}

static void
set_share (GKeyFile   *kf,
           const char *group,
           int         code,
           double      percent)
{
  char key[16];
  char value[G_ASCII_DTOSTR_BUF_SIZE];

  g_snprintf (key, sizeof key, "%d", code);
  g_ascii_formatd (value, sizeof value, "%.1f", percent);
  g_key_file_set_string (kf, group, key, value);
}

static void
set_multiple_response (Survey     *s,
                       GKeyFile   *kf,
                       const char *stem,
                       int         n,
                       const char *label_nb,
                       const char *label_en)
{
  g_autofree char *group = g_strdup_printf ("MultipleResponse %s", stem);
  g_autoptr(GString) vars = g_string_new (NULL);

  for (int k = 1; k <= n; k++)
    g_string_append_printf (vars, "%s%s_%d", k > 1 ? ";" : "", stem, k);
  g_key_file_set_locale_string (kf, group, "Label", "nb", label_nb);
  g_key_file_set_locale_string (kf, group, "Label", "en", label_en);
  g_key_file_set_string (kf, group, "Type", "dichotomy");
  g_key_file_set_string (kf, group, "CountedValue", "1");
  g_key_file_set_string (kf, group, "Variables", vars->str);
}

static gboolean
write_meta (Survey      *s,
            const char  *path,
            GError     **error)
{
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autofree char *data = NULL;
  gsize length;
  static const double size_register[] = { 12.8, 24.7, 47.6, 14.8 };
  static const double managing_register[] = { 52.5, 31.5, 16.0 };

  g_key_file_set_string (kf, "Survey", "Name",
                         "Spørreundersøkelse til frivillige organisasjoner 2025");
  g_key_file_set_locale_string (kf, "Survey", "Name", "en",
                                "Survey of voluntary organisations 2025");
  g_key_file_set_string (kf, "Survey", "Invited", "40937");
  g_key_file_set_string (kf, "Survey", "NetPopulation", "36812");
  g_key_file_set_string (kf, "Survey", "IdVariable", "id");
  g_key_file_set_string (kf, "Survey", "Weight", "");
  g_key_file_set_comment (kf, NULL, NULL,
                          " Evalkit demo survey: metadata of survey.sav (GLib key file, UTF-8).\n"
                          " Written by app/tools/evk-make-demo-survey; do not edit by hand.\n"
                          " The respondents are synthetic. Invited and NetPopulation are the "
                          "survey\n"
                          " frame of the evaluation report (ch. 1.2.3): 40,937 organisations with "
                          "an\n"
                          " e-mail address in Frivillighetsregisteret, 36,812 of them reached.",
                          NULL);

  for (int c = 1; c <= N_ICNPO; c++)
    set_share (kf, "Population reg_icnpo", c, icnpo[c].population);
  g_key_file_set_string (kf, "Population reg_icnpo", "Source", "Frivillighetsregisteret");
  g_key_file_set_comment (kf, "Population reg_icnpo", NULL,
                          " Share of all organisations in the register, percent, by value of\n"
                          " reg_icnpo. Table 1-2 of the report prints seven categories (1, 2, 3, "
                          "4,\n"
                          " 9, 16, 18); the other shares are made up to add up to 100.",
                          NULL);

  for (int c = 1; c <= 4; c++)
    set_share (kf, "Population reg_kommunestr", c, size_register[c - 1]);
  g_key_file_set_string (kf, "Population reg_kommunestr", "Source", "Frivillighetsregisteret");
  g_key_file_set_comment (kf, "Population reg_kommunestr", NULL,
                          " As printed in table 1-2 (they add up to 99.9 by rounding).", NULL);

  for (int c = 0; c <= 2; c++)
    set_share (kf, "Population reg_forvalter", c, managing_register[c]);
  g_key_file_set_string (kf, "Population reg_forvalter", "Source", "Frivillighetsregisteret");
  g_key_file_set_comment (kf, "Population reg_forvalter", NULL,
                          " Not printed in the report: made up for the demo.", NULL);

  set_share (kf, "Population reg_ansatte", 0, 95.0);
  set_share (kf, "Population reg_ansatte", 1, 5.0);
  g_key_file_set_string (kf, "Population reg_ansatte", "Source", "Frivillighetsregisteret");
  g_key_file_set_comment (kf, "Population reg_ansatte", NULL,
                          " Table 1-2: 5.0 % have registered employees.", NULL);

  set_multiple_response (s, kf, "q15", N_OFFERS + 1,
                         "Tiltak fra strategien organisasjonen er kjent med (flere svar mulig)",
                         "Measures from the strategy the organisation is aware of (several "
                         "answers allowed)");
  set_multiple_response (s, kf, "q16", N_OFFERS,
                         "Tiltak organisasjonen har brukt i praksis (flere svar mulig)",
                         "Measures the organisation has used in practice (several answers "
                         "allowed)");
  set_multiple_response (s, kf, "q35", N_NEEDS,
                         "Hva organisasjonen trenger for å styrke innsatsen for integrering og "
                         "inkludering (flere svar mulig)",
                         "What the organisation needs to strengthen its integration and inclusion "
                         "work (several answers allowed)");

  data = g_key_file_to_data (kf, &length, NULL);
  return g_file_set_contents (path, data, length, error);
}

static void
csv_field (GString    *out,
           const char *text,
           gboolean    last)
{
  if (text != NULL && strpbrk (text, ",\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = text; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else if (text != NULL)
    {
      g_string_append (out, text);
    }
  g_string_append_c (out, last ? '\n' : ',');
}

static gboolean
write_codebook (Survey      *s,
                const char  *path,
                GError     **error)
{
  g_autoptr(GString) out = NULL;

  out = g_string_new ("variable,label,label[en],value,value_label,value_label[en],missing\n");

  for (guint v = 0; v < s->vars->len; v++)
    {
      VarDef *def = g_ptr_array_index (s->vars, v);

      csv_field (out, def->name, FALSE);
      csv_field (out, def->label_nb, FALSE);
      csv_field (out, def->label_en, FALSE);
      csv_field (out, NULL, FALSE);
      csv_field (out, NULL, FALSE);
      csv_field (out, NULL, FALSE);
      csv_field (out, NULL, TRUE);

      for (guint l = 0; def->labels != NULL && l < def->labels->n_values; l++)
        {
          const ValueLabel *value = &def->labels->values[l];
          char code[16];

          g_snprintf (code, sizeof code, "%d", value->code);
          csv_field (out, def->name, FALSE);
          csv_field (out, NULL, FALSE);
          csv_field (out, NULL, FALSE);
          csv_field (out, code, FALSE);
          csv_field (out, value->nb, FALSE);
          csv_field (out, value->en, FALSE);
          csv_field (out, value->missing, TRUE);
        }
    }
  return g_file_set_contents (path, out->str, out->len, error);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Survey) s = NULL;
  g_autofree char *sav_path = NULL;
  g_autofree char *meta_path = NULL;
  g_autofree char *codebook_path = NULL;

  if (argc != 2)
    {
      g_printerr ("Usage: %s OUTDIR\n", argv[0]);
      return 2;
    }

  /* ReadStat writes the file's creation time in local time */
  g_setenv ("TZ", "UTC", TRUE);
  tzset ();

  if (g_mkdir_with_parents (argv[1], 0755) != 0)
    {
      g_printerr ("%s: %s\n", argv[1], g_strerror (errno));
      return 1;
    }
  sav_path = g_build_filename (argv[1], "survey.sav", NULL);
  meta_path = g_build_filename (argv[1], "survey-meta.ini", NULL);
  codebook_path = g_build_filename (argv[1], "codebook.csv", NULL);

  s = survey_new ();
  define_variables (s);
  generate (s);
  check (s);

  if (!write_sav (s, sav_path, &error) ||
      !write_meta (s, meta_path, &error) ||
      !write_codebook (s, codebook_path, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}
