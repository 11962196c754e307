"""Word lists used by the lite annotator, kept as readable data.

Edit these sets to tune ``newslens.annotators.lite``; the rules that use
them are described there. Every entry is written exactly as it appears in text
(without its final period for abbreviations); matching is case-sensitive unless
the set's comment says otherwise.
"""

from __future__ import annotations

from typing import Final


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


TITLES: Final = _words(
    """
    Mr Mrs Ms Mx Messrs Mmes Dr Drs Prof Rev Hon Fr Sra Mme Mlle
    Gov Sen Sens Rep Reps Pres Supt Atty Amb Sec Rt
    Gen Lt Col Maj Capt Cmdr Cmdt Adm Sgt Cpl Pvt Brig Spc Ens Insp Det Cdr
    St Ste Mt Ft
    v vs
    """
)
"""Abbreviations that precede a name and so never end a sentence ("Mr.", "Gen.", "St.",
and "v." / "vs." between the names of a case or a match)."""

ABBREVIATIONS: Final = _words(
    """
    Jr Sr Inc Corp Co Cos Ltd Plc Bros Assn Dept Univ Govt Natl Intl
    etc al approx est cf ca viz
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
    Mon Tue Tues Wed Thu Thur Thurs Fri
    Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn
    Miss Mo Mont Neb Nev Okla Ore Pa Tenn Tex Vt Va Wash Wis Wyo
    Ave Blvd Rd Hwy Fig Vol pp
    """
)
"""Other abbreviations that keep their period. Unlike ``TITLES`` they can end a
sentence: they do when the next word is a capitalised ``SENTENCE_STARTERS`` word
("in the U.S. The ...")."""

NUMBER_ABBREVIATIONS: Final = _words("No Nos no nos Nr")
"""Abbreviations that keep their period only before a digit ("No. 2", but "said no.")."""

ENDING_ABBREVIATIONS: Final = _words("etc a.m. p.m. A.M. P.M.")
"""Abbreviations that usually end a sentence when a capitalised word follows
("... bread, milk, etc. Most of it ..."), unless that word is in ``NOT_AFTER_TIME``."""

NOT_AFTER_TIME: Final = _words(
    """
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    January February March April May June July August September October November December
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
    ET EST EDT CT CST CDT MT MST MDT PT PST PDT GMT BST CET UTC Eastern Central Pacific
    Mountain Local
    """
)
"""Capitalised words that continue a sentence after "a.m.", "p.m." ("7 p.m. Friday")."""

SENTENCE_STARTERS: Final = _words(
    """
    the a an this that these those there here it its he she they we i you his her their
    our my your one some many most all both each every another other such no none
    nobody nothing everyone everybody someone anyone
    but and or nor so yet still then now thus also instead however meanwhile moreover
    furthermore nevertheless nonetheless besides indeed later earlier finally first
    second third last next today yesterday tomorrow tonight
    in on at for of to with by from as after before during since until while when whenever
    where wherever if unless although though because whether despite
    what who whom whose which why how
    is are was were be has have had do does did will would can could should might must
    """
)
"""Lower-cased words that, capitalised, almost always start a sentence.

After an abbreviation or an initial, a capitalised word from this list marks a
sentence boundary ("in the U.S. The company ..."); another capitalised word is
taken as the rest of a name ("U.S. President ...", "George W. Bush").
"""

STOPWORDS: Final = SENTENCE_STARTERS | _words(
    """
    me him us them mine yours hers ours theirs myself himself herself itself ourselves
    themselves not never always often sometimes just only even very too much more less
    already again ever perhaps maybe please yes oh well like about above across against
    along among around behind below beneath beside between beyond down inside into near
    off onto out outside over past through throughout toward towards under up upon via
    within without than whereas otherwise anyway overall accordingly consequently
    according
    """
)
"""Lower-cased function words: never a name on their own, and dropped from the front
of a capitalised run that starts a sentence ("The Bank of England" -> "Bank of England")."""

WEEKDAYS_MONTHS: Final = _words(
    """
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    January February March April June July August September October November December
    Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
    """
)
"""Capitalised words (and their abbreviations, without the period) that are not taken
as a name on their own (``May`` is left out:
it is also a surname, and a lone ``May`` is kept)."""

CONNECTORS: Final = _words(
    """
    of the de del della der den des di da du la le van von y e bin ibn al el &
    """
)
"""Lower-case words (and ``&``) allowed inside a capitalised name run, when a capitalised
word follows ("Bank of England", "Charles de Gaulle", "Procter & Gamble")."""

NAME_PREFIXES: Final = ("al-", "el-", "bin-", "ibn-", "abu-", "d'", "d’")
"""Lower-case prefixes of capitalised names ("al-Assad", "d'Estaing")."""

SPEECH_VERBS: Final = _words(
    """
    said says say asked asks ask added adds told tells replied replies answered answers
    shouted shouts yelled yells screamed cried cries exclaimed whispered wrote writes
    explained explains continued continues insisted insists noted notes recalled recalls
    argued argues warned warns declared declares responded responds demanded demands
    wondered wonders quipped joked jokes tweeted tweets posted pleaded urged urges
    concluded admitted admits stressed stresses claimed claims countered counters
    retorted remarked observed offered chimed mused sighed laughed
    """
)
"""Verbs of saying. A capitalised name followed by one of these after ``?"`` or ``!"``
continues the sentence (``"Why now?" Smith asked.``)."""

LEMMA_OVERRIDES: Final = {
    "n't": "not",
    "n’t": "not",
    "'re": "be",
    "’re": "be",
    "'m": "be",
    "’m": "be",
    "'ve": "have",
    "’ve": "have",
    "'ll": "will",
    "’ll": "will",
    "ca": "can",
    "wo": "will",
    "sha": "shall",
    "cannot": "can",
    "gonna": "go",
    "said": "say",
    "says": "say",
    "told": "tell",
    "was": "be",
    "were": "be",
    "is": "be",
    "are": "be",
    "am": "be",
    "'s": "'s",
    "’s": "’s",
    "'d": "'d",
    "’d": "’d",
    "us": "we",
    "rose": "rise",
    "won": "win",
    "felt": "feel",
    "thought": "think",
    "swore": "swear",
    "media": "media",
    "data": "data",
    "news": "news",
    "politics": "politics",
}
"""Lemmas fixed by hand where the dictionary is ambiguous or lacks the form
(clitics split Penn-Treebank style, "ca n't" -> "can not")."""
