#!/usr/bin/env python3
"""Build the technical-term lexicons ``rubrics/lexicons/en/tech_<family>.txt`` from O*NET.

The "concrete technical detail" check looks for names of tools and technologies in an
answer. This script derives those names from the O*NET 29.2 Database (CC BY 4.0) and writes
one list per job family plus ``tech_general.txt`` (office, productivity and collaboration tools
used in every family). The lists are committed; nothing at run time or in tests reads O*NET.

Usage (from the repository root)::

    python scripts/build_tech_lexicons.py [ONET_DIR] [--out rubrics/lexicons/en]

``ONET_DIR`` is the folder holding ``technology-skills.tsv``, ``occupation-data.tsv`` and
``tools-used.tsv``; it defaults to ``../shared/taxonomy/onet-29.2`` resolved against the
repository root. Only the standard library is used and the output is deterministic: the same
input files always give byte-identical lists, sorted case-insensitively.

How it works
============

1. **Occupations to families.** Each family is a set of O*NET-SOC code prefixes
   (``FAMILIES`` below; an occupation may belong to several families). In addition, each
   family names a few O*NET *Commodity Titles* (software categories) that belong to it
   whichever occupation uses them, e.g. "Accounting software" for ``finance``.
2. **Selecting entries.** For a family, an O*NET technology entry (``Example``) is a
   candidate when it is used by at least ``MIN_FAMILY_OCCUPATIONS`` occupations of the family,
   or when its Commodity Title is one of the family's own categories and it is used by at
   least ``MIN_CATEGORY_OCCUPATIONS`` occupations anywhere (or is Hot Technology / In Demand).
   Entries whose categories are all office / productivity categories (``GENERAL_COMMODITIES``)
   go to ``tech_general.txt`` instead, unless the family keeps that category (data and finance
   keep spreadsheets; software keeps operating systems and Jira/Confluence-style workflow
   tools; operations keeps the latter); clinical software (``OFF_FAMILY_COMMODITIES``) is
   left out. ``tech_general`` holds entries of the general categories used by at least
   ``MIN_GENERAL_OCCUPATIONS`` occupations (6 if Hot Technology), plus a few collaboration
   tools O*NET files elsewhere (``GENERAL_EXTRA_ENTRIES``, e.g. Microsoft Teams). If a
   family has more than ``MAX_TERMS`` terms, the least used entries are dropped (ranking:
   Hot/In Demand first, then the number of occupations of the family using it, then overall
   use, then the name).
3. **Cleaning names** into what people type (``clean_example``):
   - trailing generic words are stripped ("SAP software" -> ``SAP``, "Epic Systems" -> ``Epic``);
   - "descriptive phrase + acronym" is split ("Structured query language SQL" -> ``SQL`` and
     ``structured query language``; the phrase is kept in lower case when it is generic);
   - generic category phrases without a proper name are dropped ("Email software",
     "Word processing software", "Spreadsheet software");
   - a proper name followed by a generic tail keeps the name ("Alteryx software" ->
     ``Alteryx``, "Aderant legal software" -> ``Aderant``);
   - a known vendor prefix (``VENDORS``) yields both the full name and the bare product name
     ("Microsoft Excel" -> ``Microsoft Excel`` and ``Excel``; "The MathWorks MATLAB" ->
     ``MATLAB``), and ``Microsoft X`` also yields ``MS X``. Bare names in ``NEVER_BARE`` are
     not emitted ("Microsoft Project" does not give ``Project``); vendor names alone are
     dropped (``VENDOR_ONLY``);
   - terms longer than ``MAX_WORDS`` words are dropped; duplicates are merged
     case-insensitively (the most frequent spelling wins, ties by sort order).
4. **Ambiguous names.** A term is written with a leading ``=`` (exact-case match, see
   ``rubrics/lexicons/README.md``) when it is at most two characters long, when it is a
   one-word name that is also an ordinary English word, or when it is a several-word proper
   name whose every word is in ``COMMON_WORDS`` and does not start with a vendor
   (``=Final Cut Pro``). "Ordinary" means: in the committed ``COMMON_WORDS`` /
   ``EXTRA_ORDINARY`` lists below, or written in lower case somewhere in O*NET's own prose
   (occupation titles and descriptions, category titles, tool names, the lower-case words of
   entry names). So ``Excel``, ``Word``, ``Teams``, ``R`` become ``=Excel``, ``=Word``,
   ``=Teams``, ``=R``; lower-case generic expansions such as ``structured query language``
   stay plain. Answers in Bahasa Indonesia use these same lists, so names that are everyday
   Indonesian words or first names (``INDONESIAN_COMMON``: "Ada", "Eko", "Maya") are dropped.

Attribution: This product includes information from the O*NET 29.2 Database by the U.S.
Department of Labor, Employment and Training Administration (USDOL/ETA). Used under the
CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_ONET_DIR = REPO_ROOT / ".." / "shared" / "taxonomy" / "onet-29.2"
DEFAULT_OUT_DIR = REPO_ROOT / "rubrics" / "lexicons" / "en"

ATTRIBUTION = (
    "This product includes information from the O*NET 29.2 Database by the U.S. Department "
    "of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 "
    "license. O*NET® is a trademark of USDOL/ETA."
)

MAX_WORDS = 5
MAX_TERMS = 1500
MIN_FAMILY_OCCUPATIONS = 2
MIN_CATEGORY_OCCUPATIONS = 3
MIN_GENERAL_OCCUPATIONS = 10

# --------------------------------------------------------------------------------------------
# Family mapping
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Family:
    """A job family: which O*NET occupations and software categories belong to it."""

    description: str
    soc_prefixes: tuple[str, ...]
    exclude_soc: tuple[str, ...] = ()
    commodities: tuple[str, ...] = ()
    keep_general: tuple[str, ...] = field(default=())


FAMILIES: dict[str, Family] = {
    "software": Family(
        "Software development, IT, networks, security",
        soc_prefixes=("15-12",),  # Computer occupations (15-1211 ... 15-1299)
        exclude_soc=("15-1299.02", "15-1299.03"),  # GIS technicians, document management
        commodities=(
            "Development environment software",
            "Object or component oriented development software",
            "Web platform development software",
            "Program testing software",
            "File versioning software",
            "Configuration management software",
            "Compiler and decompiler software",
            "Application server software",
            "Enterprise application integration software",
            "Cloud-based management software",
            "Network monitoring software",
            "Transaction security and virus protection software",
            "Graphical user interface development software",
            "Requirements analysis and system architecture software",
        ),
        keep_general=("Operating system software", "Content workflow software"),
    ),
    "data": Family(
        "Data analysis, data science, statistics, BI, databases",
        soc_prefixes=(
            "15-2",  # Mathematical science occupations (actuaries, statisticians, data scientists,
            #         operations research analysts, BI analysts)
            "15-1242",  # Database administrators
            "15-1243",  # Database architects, data warehousing specialists
            "43-9111",  # Statistical assistants
        ),
        commodities=(
            "Business intelligence and data analysis software",
            "Data mining software",
            "Data base reporting software",
            "Data base management system software",
            "Metadata management software",
        ),
        keep_general=("Spreadsheet software",),
    ),
    "design": Family(
        "Graphic, UX/UI, web, product and interior design",
        soc_prefixes=(
            "27-10",  # Art and design workers
            "15-1255",  # Web and digital interface designers, video game designers
            "43-9031",  # Desktop publishers
        ),
        exclude_soc=("27-1023", "27-1012"),  # floral designers, craft artists
        commodities=(
            "Graphics or photo imaging software",
            "Desktop publishing software",
            "Web page creation and editing software",
            "Video creation and editing software",
        ),
    ),
    "marketing": Family(
        "Marketing, advertising, public relations, market research",
        soc_prefixes=(
            "11-2011",  # Advertising and promotions managers
            "11-2021",  # Marketing managers
            "11-2032",  # Public relations managers
            "13-1161",  # Market research analysts, marketing specialists, search marketing
            "13-1199.06",  # Online merchants
            "27-3031",  # Public relations specialists
        ),
        commodities=("Sales and marketing software",),
    ),
    "sales": Family(
        "Sales and account management",
        soc_prefixes=(
            "11-2022",  # Sales managers
            "41-",  # Sales and related occupations
        ),
        exclude_soc=("41-2012", "41-9012"),  # gambling change persons, models
        commodities=(
            "Customer relationship management CRM software",
            "Sales and marketing software",
            "Point of sale POS software",
        ),
    ),
    "finance": Family(
        "Finance, accounting, audit, banking, insurance finance",
        soc_prefixes=(
            "11-3031",  # Financial managers, treasurers and controllers, investment fund managers
            "13-2",  # Financial specialists (accountants, auditors, analysts, tax, credit, loans)
            "15-2011",  # Actuaries
            "43-3",  # Financial clerks (bookkeeping, billing, payroll, collections, tellers)
            "43-4011",  # Brokerage clerks
            "43-4041",  # Credit authorizers, checkers and clerks
            "43-4131",  # Loan interviewers and clerks
        ),
        commodities=(
            "Accounting software",
            "Financial analysis software",
            "Tax preparation software",
            "Audit software",
            "Risk management data and analysis software",
        ),
        keep_general=("Spreadsheet software",),
    ),
    "hr": Family(
        "Human resources, recruiting, compensation, training",
        soc_prefixes=(
            "11-3111",  # Compensation and benefits managers
            "11-3121",  # Human resources managers
            "11-3131",  # Training and development managers
            "13-1041.03",  # Equal opportunity representatives
            "13-1071",  # Human resources specialists
            "13-1075",  # Labor relations specialists
            "13-1141",  # Compensation, benefits and job analysis specialists
            "13-1151",  # Training and development specialists
            "43-3051",  # Payroll and timekeeping clerks
            "43-4161",  # Human resources assistants
        ),
        commodities=("Human resources software", "Time accounting software"),
    ),
    "operations": Family(
        "Operations, logistics, supply chain, purchasing, project management",
        soc_prefixes=(
            "11-1021",  # General and operations managers
            "11-3012",  # Administrative services managers
            "11-3013",  # Facilities managers
            "11-3051",  # Industrial production managers, quality control systems managers
            "11-3061",  # Purchasing managers
            "11-3071",  # Transportation, storage and distribution managers; supply chain
            "13-102",  # Buyers and purchasing agents
            "13-1081",  # Logisticians, logistics engineers and analysts
            "13-1082",  # Project management specialists
            "13-1111",  # Management analysts
            "13-1199.04",  # Business continuity planners
            "15-1299.09",  # Information technology project managers
            "15-2031",  # Operations research analysts
            "43-3061",  # Procurement clerks
            "43-4151",  # Order clerks
            "43-5011",  # Cargo and freight agents, freight forwarders
            "43-5032",  # Dispatchers
            "43-5061",  # Production, planning and expediting clerks
            "43-5071",  # Shipping, receiving and inventory clerks
        ),
        commodities=(
            "Materials requirements planning logistics and supply chain software",
            "Inventory management software",
            "Project management software",
            "Procurement software",
            "Process mapping and design software",
            "Enterprise resource planning ERP software",
            "Manufacturing execution system MES software",
        ),
        keep_general=("Content workflow software",),
    ),
    "customer_service": Family(
        "Customer service, support, help desk, front desk",
        soc_prefixes=(
            "15-1232",  # Computer user support specialists (help desk)
            "43-2011",  # Switchboard operators, answering service
            "43-4051",  # Customer service representatives
            "43-4081",  # Hotel, motel and resort desk clerks
            "43-4141",  # New accounts clerks
            "43-4171",  # Receptionists and information clerks
            "43-4181",  # Reservation and transportation ticket agents
        ),
        commodities=(
            "Helpdesk or call center software",
            "Contact center software",
            "Customer relationship management CRM software",
            "Interactive voice response software",
        ),
    ),
}

# Office, productivity and collaboration categories: their entries go to tech_general.txt.
GENERAL_COMMODITIES: tuple[str, ...] = (
    "Word processing software",
    "Spreadsheet software",
    "Presentation software",
    "Office suite software",
    "Electronic mail software",
    "Calendar and scheduling software",
    "Video conferencing software",
    "Network conferencing software",
    "Instant messaging software",
    "Desktop communications software",
    "Cloud-based data access and sharing software",
    "Document management software",
    "Internet browser software",
    "Operating system software",
    "Content workflow software",
    "Optical character reader OCR or scanning software",
)

# --------------------------------------------------------------------------------------------
# Name cleaning
# --------------------------------------------------------------------------------------------

# Collaboration tools that O*NET files under another category (Microsoft Teams is
# "Project management software") but that belong in tech_general.txt as well.
GENERAL_EXTRA_ENTRIES: tuple[str, ...] = (
    "Microsoft Teams",
    "Airtable",
    "Asana",
    "Basecamp",
    "Smartsheet",
)

# Categories left out of every family list: clinical tools (no health family here) and
# physical-equipment firmware.
OFF_FAMILY_COMMODITIES: tuple[str, ...] = ("Medical software",)

# Trailing words stripped from an entry when something remains ("SAP software" -> "SAP").
GENERIC_SUFFIXES = frozenset(
    {
        "software",
        "system",
        "systems",
        "program",
        "programs",
        "tool",
        "tools",
        "application",
        "applications",
        "apps",
        "sites",
        "website",
    }
)

# Vendor prefixes: "Vendor Product" yields both the full name and "Product". Longest first.
VENDORS: tuple[str, ...] = (
    "Amazon Web Services AWS",
    "Amazon Web Services",
    "The MathWorks",
    "The Mathworks",
    "Dassault Systemes",
    "Qlik Tech",
    "National Instruments",
    "Microsoft",
    "Adobe",
    "Autodesk",
    "Oracle",
    "IBM",
    "SAP",
    "Google",
    "Apple",
    "Atlassian",
    "Intuit",
    "ESRI",
    "StataCorp",
    "Amazon",
    "Apache",
    "Corel",
    "Salesforce",
    "Blackbaud",
    "Cisco Systems",
    "Cisco",
    "Infor",
    "Ceridian",
    "Meta",
    "Facebook",
    "Bentley",
    "PTC",
    "Avid",
    "Symantec",
    "Zoho",
    "HubSpot",
    "Hootsuite",
    "Workday",
    "ADP",
    "UKG",
    "Kronos",
    "Trimble",
    "Siemens",
    "SAS",
    "Smartsheet",
    "Wrike",
    "Mozilla",
    "Red Hat",
    "Docker",
    "Alteryx",
    "Tableau",
)

# Bare product names too generic to emit even with exact case ("Microsoft Project" is kept,
# "Project" is not); a sentence-initial "Project" or "Access" would otherwise match.
NEVER_BARE = frozenset(
    {
        "access",
        "project",
        "office",
        "database",
        "publisher",
        "forms",
        "lists",
        "sites",
        "edge",
        "paint",
        "photos",
        "notes",
        "drive",
        "data",
        "server",
        "analytics",
        "ads",
        "classroom",
        "search",
        "maps",
        "dynamics",
        "business",
        "financials",
        "reports",
        "planning",
        "cloud",
        "studio",
        "live",
        "chat",
        "translate",
        "sheets",
        "docs",
        "slides",
        "calendar",
        "meet",
        "exchange",
        "maintenance",
        "network",
        "power",
        "director",
        "fusion",
        "data pipeline",
        "data guard",
        "business one",
        "commerce server",
        "earth pro",
        "presenter",
        "workspace",
        "streams",
        "stream",
        "store",
        "hire",
        "recruit",
        "connect",
        "learn",
        "campaign",
        "marketing",
        "commerce",
        "sales",
        "service",
        "premium",
        "professional",
        "enterprise",
        "accounting",
        "payroll",
        "online",
        "desktop",
        "pro",
        "plus",
        "suite",
        "essentials",
        "one",
        "360",
        "365",
    }
)

# Vendor names alone say little about concrete skill: dropped when an entry reduces to them.
VENDOR_ONLY = frozenset(
    {"microsoft", "google", "apple", "ibm", "amazon", "adobe", "autodesk", "meta", "intuit"}
)


def _words(text: str) -> frozenset[str]:
    """A set of the whitespace-separated words of ``text``."""
    return frozenset(text.split())


# Full names that are not "vendor + product" although they start with a vendor name.
NO_VENDOR_SPLIT = frozenset({"Amazon Web Services", "Apple Pay", "Google Pay"})

# Derived terms dropped outright (too vague or a single letter that is not a language name
# people would type alone).
DROP_TERMS = frozenset({"3d", "j", "maya", "travis", "etc"})  # "etc" reads as "et cetera"

# Common Indonesian words (lower case). Answers in Bahasa Indonesia are checked against these
# same tech lists, so a tool name that is also an everyday Indonesian word or name ("Ada" is
# "there is", "Eko" a common first name) is dropped: even an exact-case match would fire on
# a sentence-initial "Ada ...".
INDONESIAN_COMMON = _words(
    """
    ada apa aku akan atau bagi baik baru bisa dan dari dengan di dia eko ini itu jadi juga
    kami kan ke kita lagi lama mau maya oleh pada para saja sama saya sudah tapi tim untuk
    yang agus budi dewi sri adi ani rina putra putri indah bunga kali hari orang kerja jalan
    tahu baca buka lima satu dua tiga empat enam tujuh delapan sembilan sepuluh
    """
)

# Bare O*NET entries that are generic nouns, not product names.
GENERIC_BARE = frozenset({"Compilers", "Debuggers", "Profilers", "Emulators"})

# Small words that may sit inside a lower-case expansion of an acronym.
CONNECTORS = frozenset({"and", "or", "of", "for", "the", "to", "in", "on", "a", "an", "&"})

# Common English words (lower case). Together with the lower-case words of O*NET's own prose
# they decide whether a tool name is also an ordinary word and must be matched exactly.
# Includes words that are well-known technology names (spark, swift, rust, chef...).
COMMON_WORDS = _words(
    """
    a about access account act action active ad ads after agent air alert alpha amber analyst
    anchor angular answer ant apex app apple arc archer arena argus arrow art ascend aspect
    asset atlas atom audition aurora avenue axis back balance ball bamboo bank base basic
    beacon beam bear bee bell best beta big bird black blackboard blade blaze blend block blue
    board bold bolt bond book boost boot box brain branch brave breeze brick bridge bright
    bronze brush bubble buffer build bull bus business buzz cafe cake calendar camel camera
    campus canopy canvas capital capture card care cargo carrot case cash castle catalyst
    cell center chain chair champion chart chat check chef chess circle citadel city class
    classic clear clever click climb clip clock close cloud club coach cobra code coffee coin
    collect colony comet command commerce compass compose concur connect contact content
    control copper copy core corner cosmos count courier craft crane create crest cricket
    cross crown crystal cube cue cup current curve cycle dart dash data date dawn day deck
    delta desk desktop dial diamond direct discover dock docs domain domino door dot draft
    dragon draw dream drift drive drop drum dynamics eagle earth echo edge edit elastic element
    elite ember encore engage engine enterprise envoy epic equinox essentials event evolve
    excel expert express eye fabric falcon fast feather field file finder fire first flag
    flash fleet flex flight flow flower fluent flux fly focus forge form forms fortress forum
    forward fox frame freedom fresh front fuel fusion galaxy game garden gate gem genesis
    genius ghost giant glass glide globe go gold golf grace grain graph grid ground group grove
    guard guide gulp hammer harbor harmony harvest hawk heart helix helm help hero hive
    hook horizon host hub hue hunt ice icon ideal idea image impact impulse infinity insight
    inspire iris iron island ivy jade jam jazz jet jewel journey jump jungle karma key keynote
    kit kite lab labs ladder lake lance lantern laser leaf lens level lever liberty light
    lime line link lion live loop lotus lucid luna lynx magic magnet main maple map maps
    marble mark market mars mason matrix maven maze meet mentor mercury merge mesa meta metro
    mint mirror mission mobile mode monitor monkey moon mosaic motion mountain move muse
    nano native navigator neon nest net network nexus night noble node north notes nova
    number numbers nugget oak oasis ocean office olive omega one online onyx open optimum
    oracle orbit orchard origin outlook owl pace pages paint palette panda panel paper
    paradigm partner patch path pattern peak pearl pelican pencil people pepper phoenix
    photo photos pilot pine pioneer pipeline pitch pivot pixel plan planet platform plus
    point polar portal post premier premium presto prime prism pro project prophet prospect
    publisher pulse puppet pure quest quick radar rain rally ranger rapid raven ray reach
    react real record red reflex relay remedy report reports rescue ridge ring ripple rise
    river road rock rocket root rose ruby rust sage sail salt sap scala scout scribe sea
    seal search secure sense sentinel sentry server shape share shark sheets shell shield
    shift ship shop sierra signal silk silver simple sketch sky slack slate slides smart
    snap snow solar solid solo sonic source space spark spectrum sphere spider spire splash
    spot spring sprint spur square stack stage star state station steel stella step stone
    storm story stream strike studio summit sun surge survey swan swift sync tactic
    talent tango target task teams tempo terra think thread thrive thunder tide tiger timber
    time titan token topaz torch tower trace track trail transit tree trend trident trinity
    triumph true trust tulip turbo twin unity up vault vector velocity venture venus vertex
    view vision vista vital voice volt vortex voyager wave way web whale wheel wing winter
    wise wolf wonder word work works world yard yield zen zenith zero zone zoom
    """
)

# Product names that are ordinary words: kept ("Workday software" -> "Workday") but marked
# for exact-case matching ("=Workday").
PRODUCT_WORDS = frozenset({"workday", "encompass", "perforce"})

# Ordinary words used in O*NET's generic category-like entries ("Spreadsheet software",
# "Chatbot software") that the vocabulary does not hold, and ordinary words that are product
# names and so need the exact-case marker.
EXTRA_ORDINARY = PRODUCT_WORDS | _words(
    """
    antivirus autopilot blogging chatbot compounder diagramming disassembler dossier email
    enigma firewall interpreter invoice latitude multitask ping podcasting
    recipe softphone spreadsheet tablet telephony telnet videoconferencing webinar wiki
    animate blender captivate confluence designer distiller docker illustrator
    navigator painter premiere presenter solidity twitter vigilant ethereal pascal blueprint
    gift logo packet middleware honeypot forth scheme loom pig groovy cocoa airflow bootstrap
    """
)

# Endings of ordinary English words ("Collaborative editing", "Applicant tracking",
# "Regression testing"); used only to tell generic phrases from brand names.
ENGLISH_ENDING_RE = re.compile(
    r"(ed|ing|ion|ions|al|ic|ics|ive|ent|ant|ance|ence|ary|ory|ery|ous|ure|ogy|ity|ment|"
    r"ness|er|or|able|ible|ship|age|ate|cy|ies|word)$"
)

TOKEN_RE = re.compile(r"[A-Za-z][A-Za-z'-]*")


def lower_vocabulary(texts: list[str]) -> set[str]:
    """Words written in lower case anywhere in ``texts`` (O*NET prose): ordinary words."""
    vocab: set[str] = set()
    for text in texts:
        for tok in TOKEN_RE.findall(text):
            if tok.islower():
                vocab.add(tok.strip("'-"))
    return vocab


def is_acronym(tok: str) -> bool:
    """``SQL``, ``HTML``, ``EC2``, ``S3``, ``SaaS``: 2-8 characters, mostly upper case."""
    if not (2 <= len(tok) <= 8 and tok[0].isupper() and tok.isalnum()):
        return False
    if all(c.isupper() or c.isdigit() for c in tok):
        return True
    return sum(c.isupper() for c in tok) >= 2 and tok[-1].isupper()  # "SaaS", "PaaS"


def is_lower_word(tok: str) -> bool:
    return tok.isalpha() and tok.islower()


def initials(tokens: list[str], skip_connectors: bool = True) -> str:
    letters = []
    for tok in tokens:
        for part in re.split(r"[-/]", tok):
            if part and not (skip_connectors and part.lower() in CONNECTORS):
                letters.append(part[0].upper())
    return "".join(letters)


def acronym_matches(acr: str, words: list[str]) -> bool:
    """Do ``words`` spell ``acr``? ("Structured query language" -> SQL, "Supervisory control
    and data acquisition" -> SCADA, "Elastic Compute Cloud" -> EC2)."""
    letters = "".join(c for c in acr if c.isalpha()).upper()
    for skip in (True, False):
        ini = initials(words, skip)
        if ini == letters or (letters != acr and len(letters) >= 2 and ini.startswith(letters)):
            return True
    return False


def has_inner_capital(tok: str) -> bool:
    """``TypeScript``, ``LaTeX``, ``iWork``: mixed case marks a proper name."""
    return any(c.isupper() for c in tok[1:]) and any(c.islower() for c in tok)


@dataclass
class Cleaner:
    """Turns an O*NET entry name into the terms people type (see module docstring)."""

    ordinary: set[str]

    def is_ordinary(self, word: str) -> bool:
        if has_inner_capital(word):
            return word.lower() in COMMON_WORDS
        return word.lower() in self.ordinary

    def looks_english(self, word: str) -> bool:
        """Ordinary word, or a word of six letters or more with a common English ending."""
        low = word.lower()
        return self.is_ordinary(word) or (len(low) >= 6 and bool(ENGLISH_ENDING_RE.search(low)))

    def is_generic_phrase(self, tokens: list[str]) -> bool:
        """ "Word processing", "Scheduling", "Web browser": ordinary words, no proper name."""
        if not tokens:
            return True
        first, rest = tokens[0], tokens[1:]
        if first.lower() in PRODUCT_WORDS:
            return False
        if not (first.isalpha() and (first.islower() or first.istitle())):
            return False
        if not self.looks_english(first):
            return False
        return all(is_lower_word(t) or t in CONNECTORS for t in rest)

    @staticmethod
    def strip_suffixes(tokens: list[str]) -> list[str]:
        out = list(tokens)
        while len(out) > 1 and (out[-1].lower() in GENERIC_SUFFIXES or out[-1] in CONNECTORS):
            out.pop()
        return out

    def name_terms(self, tokens: list[str], bare: bool = False) -> list[str]:
        """Terms for a proper name: the full name, and the product without its vendor.

        ``bare`` is true when the O*NET entry is the name alone (no "software" etc. stripped):
        a one-word bare entry is a product name even if it is an ordinary word ("Slack").
        """
        if not tokens:
            return []
        if not (bare and len(tokens) == 1) and self.is_generic_phrase(tokens):
            return []
        # A proper name followed by a lower-case generic tail keeps the name:
        # "Aderant legal" -> "Aderant", "Allscripts healthcare automation" -> "Allscripts".
        # "IBM z/OS operating", "Iron Mountain Accutrac records management": drop the tail.
        while len(tokens) > 1 and (
            is_lower_word(tokens[-1].rstrip(",")) or tokens[-1] in CONNECTORS
        ):
            tokens = tokens[:-1]
        if (
            len(tokens) == 1
            and not bare
            and not tokens[0].isupper()
            and tokens[0].lower() not in PRODUCT_WORDS
            and self.is_ordinary(tokens[0].rstrip(","))
        ):
            return []
        name = " ".join(tokens)
        terms = [name]
        if name in NO_VENDOR_SPLIT:
            return terms
        for vendor in VENDORS:
            if not name.startswith(vendor + " "):
                continue
            ptoks = name[len(vendor) + 1 :].split()
            product = " ".join(ptoks)
            if vendor.startswith("The "):
                terms = []  # "The MathWorks MATLAB": nobody types the vendor
            if (
                product.lower() not in NEVER_BARE
                and not product.isdigit()
                and ptoks[0][0].isalnum()
                and not ptoks[0].islower()
                and not (len(ptoks) > 1 and self.is_generic_phrase(ptoks))
            ):
                terms.append(product)
            if vendor == "Microsoft" and len(ptoks) == 1 and not is_acronym(product):
                terms.append("MS " + product)  # "MS Excel", "MS Project"
            break
        return [t for t in terms if t.lower() not in VENDOR_ONLY]

    def clean_example(self, example: str) -> list[str]:
        """All terms derived from one O*NET entry name (may be empty)."""
        text = example.replace("®", "").replace("™", "").strip()
        text = re.sub(r"\s+", " ", text)
        if text in GENERIC_BARE:
            return []
        raw = text.split(" ")
        tokens = self.strip_suffixes(raw)
        # "Slack" (bare) or "Epic Systems" (capitalised company suffix) name a product even
        # when the word is ordinary; "Scheduling software" does not.
        bare = all(t[:1].isupper() for t in raw[len(tokens) :])
        terms: list[str] = []
        # "Descriptive phrase ACRONYM [product]": the last acronym preceded by >= 2 words
        # that spell it.
        for i in range(len(tokens) - 1, 1, -1):
            if not is_acronym(tokens[i]):
                continue
            acr, before, after = tokens[i], tokens[:i], tokens[i + 1 :]
            expansion: list[str] | None = None
            vendor_part: list[str] = []
            for k in range(2, len(before) + 1):
                if acronym_matches(acr, before[-k:]):
                    expansion, vendor_part = before[-k:], before[:-k]
                    break
            if expansion is None:
                break
            terms.append(acr)
            if after:
                # "Amazon Web Services AWS CloudFormation": the product after the acronym
                terms.extend(self.name_terms(after))
                terms.extend(self.name_terms([acr, *after]))
            if all(is_lower_word(t) or t in CONNECTORS for t in expansion[1:]):
                phrase = [t.lower() for t in expansion]
                while len(phrase) > 1 and phrase[-1] in ("software", *CONNECTORS):
                    phrase.pop()
                if phrase[0] not in CONNECTORS:  # not "a programming language" (APL)
                    terms.append(" ".join(phrase))
            else:
                terms.extend(self.name_terms(expansion))
                if vendor_part:
                    terms.extend(self.name_terms(vendor_part + expansion))
            if vendor_part and not self.is_generic_phrase(vendor_part):
                terms.extend(self.name_terms([*vendor_part, acr]))
            return self.finish(terms)
        terms.extend(self.name_terms(tokens, bare=bare))
        return self.finish(terms)

    @staticmethod
    def finish(terms: list[str]) -> list[str]:
        out = []
        for term in terms:
            term = term.strip(" ,;:")
            if not term or len(term.split()) > MAX_WORDS or term.isdigit():
                continue
            if term.lower() in DROP_TERMS or term.lower() in INDONESIAN_COMMON:
                continue
            if len(term) == 1 and not term.isalpha():
                continue
            out.append(term)
        return out

    def mark(self, term: str) -> str:
        """Prefix ``=`` for ambiguous names, see the module docstring.

        One word: ``=`` when at most two characters or an ordinary word (``=Excel``).
        Several words (only proper names, not lower-case phrases): ``=`` when every word is in
        ``COMMON_WORDS`` and the first is not a vendor (``=Final Cut Pro`` but
        ``Oracle Database``, ``Apple Keynote``).
        """
        words = term.split()
        if len(term) <= 2:
            return "=" + term
        if term == term.lower():
            return term
        if len(words) == 1:
            return "=" + term if self.is_ordinary(term) else term
        if words[0] in VENDORS:
            return term
        if all(w.lower() in COMMON_WORDS for w in words):
            return "=" + term
        return term


# --------------------------------------------------------------------------------------------
# Reading O*NET and selecting entries
# --------------------------------------------------------------------------------------------


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


@dataclass
class Entry:
    name: str
    commodities: set[str] = field(default_factory=set)
    occupations: set[str] = field(default_factory=set)
    hot: bool = False


def in_family(code: str, fam: Family) -> bool:
    return any(code.startswith(p) for p in fam.soc_prefixes) and not any(
        code.startswith(p) for p in fam.exclude_soc
    )


def rank_key(entry: Entry, fam_occ: set[str]) -> tuple[int, int, int, str]:
    return (
        0 if entry.hot else 1,
        -len(entry.occupations & fam_occ),
        -len(entry.occupations),
        entry.name.lower(),
    )


def collect_terms(entries: list[Entry], cleaner: Cleaner) -> list[str]:
    """Clean, mark and de-duplicate (case-insensitively) the terms of ``entries``."""
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for entry in entries:
        for term in cleaner.clean_example(entry.name):
            spellings[term.lower()][term] += max(1, len(entry.occupations))
    out = []
    for forms in spellings.values():
        best = sorted(forms.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        out.append(cleaner.mark(best))
    return sorted(out, key=lambda t: (t.lstrip("=").lower(), t))


def build(onet_dir: Path) -> tuple[dict[str, list[str]], dict[str, int]]:
    tech = read_tsv(onet_dir / "technology-skills.tsv")
    occupations = read_tsv(onet_dir / "occupation-data.tsv")
    tools = read_tsv(onet_dir / "tools-used.tsv")

    prose = [o["Title"] + " " + o["Description"] for o in occupations]
    prose += [r["Commodity Title"] for r in tech] + [r["Commodity Title"] for r in tools]
    prose += [r["Example"] for r in tools]
    # lower-case words inside entry names ("legal" in "Aderant legal software")
    prose += [" ".join(r["Example"].split()[1:]) for r in tech]
    cleaner = Cleaner(ordinary=lower_vocabulary(prose) | COMMON_WORDS | EXTRA_ORDINARY)

    entries: dict[str, Entry] = {}
    for row in tech:
        e = entries.setdefault(row["Example"].strip(), Entry(row["Example"].strip()))
        e.commodities.add(row["Commodity Title"])
        e.occupations.add(row["O*NET-SOC Code"])
        e.hot = e.hot or row["Hot Technology"] == "Y" or row["In Demand"] == "Y"

    all_codes = {o["O*NET-SOC Code"] for o in occupations}
    result: dict[str, list[str]] = {}
    occ_counts: dict[str, int] = {}

    general = set(GENERAL_COMMODITIES)
    gen_entries = [
        e
        for e in entries.values()
        if e.name in GENERAL_EXTRA_ENTRIES
        or (
            e.commodities & general
            and len(e.occupations) >= (MIN_GENERAL_OCCUPATIONS if not e.hot else 6)
        )
    ]
    result["general"] = collect_terms(gen_entries, cleaner)
    occ_counts["general"] = len(all_codes)

    for name, fam in FAMILIES.items():
        fam_occ = {c for c in all_codes if in_family(c, fam)}
        occ_counts[name] = len(fam_occ)
        own = set(fam.commodities)
        excluded = (general - set(fam.keep_general)) | set(OFF_FAMILY_COMMODITIES)
        chosen = []
        for e in entries.values():
            if e.commodities <= excluded:
                continue
            n_fam = len(e.occupations & fam_occ)
            if n_fam >= MIN_FAMILY_OCCUPATIONS or (
                e.commodities & own and (len(e.occupations) >= MIN_CATEGORY_OCCUPATIONS or e.hot)
            ):
                chosen.append(e)
        chosen.sort(key=lambda e: rank_key(e, fam_occ))
        terms = collect_terms(chosen, cleaner)
        while len(terms) > MAX_TERMS:
            chosen = chosen[: int(len(chosen) * 0.95)]
            terms = collect_terms(chosen, cleaner)
        result[name] = terms
    return result, occ_counts


HEADER = """\
# {title}
# Generated by scripts/build_tech_lexicons.py from the O*NET 29.2 Database
# (technology-skills.tsv; occupations mapped to families by O*NET-SOC code prefix and
# software category, see the script). Do not edit by hand: change the script and rebuild.
# Format: rubrics/lexicons/README.md ("=Term" = exact-case match for ambiguous names).
#
# {attribution}
"""


def write_lists(result: dict[str, list[str]], out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, terms in sorted(result.items()):
        if name == "general":
            title = "Technology terms: general office, productivity and collaboration tools"
        else:
            title = f"Technology terms: {name} ({FAMILIES[name].description})"
        header = HEADER.format(title=title, attribution=ATTRIBUTION)
        # wrap the attribution line to keep the file readable
        lines = header.splitlines()
        wrapped = []
        for line in lines:
            if line.startswith("# This product"):
                words, cur = line[2:].split(), ""
                for w in words:
                    if len(cur) + len(w) + 1 > 94:
                        wrapped.append("# " + cur)
                        cur = w
                    else:
                        cur = f"{cur} {w}".strip()
                wrapped.append("# " + cur)
            else:
                wrapped.append(line)
        body = "\n".join(wrapped) + "\n\n" + "\n".join(terms) + "\n"
        (out_dir / f"tech_{name}.txt").write_text(body, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "onet_dir",
        nargs="?",
        type=Path,
        default=DEFAULT_ONET_DIR,
        help="folder with the O*NET 29.2 TSV files (default: ../shared/taxonomy/onet-29.2)",
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT_DIR, help="output folder")
    args = parser.parse_args(argv)
    if not (args.onet_dir / "technology-skills.tsv").is_file():
        parser.error(f"no technology-skills.tsv in {args.onet_dir}")
    result, occ_counts = build(args.onet_dir)
    write_lists(result, args.out)
    for name in sorted(result):
        print(f"tech_{name}.txt: {len(result[name])} terms ({occ_counts[name]} occupations)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
