"""One person under several names across articles: the corpus-wide tables count them once."""

from propscope.names import core, same_names


def test_titles_articles_and_an_acronym_before_a_title_are_not_the_name():
    assert core("President Donald Trump") == "Donald Trump"
    assert core("WHO Director-General Tedros Adhanom Ghebreyesus") == "Tedros Adhanom Ghebreyesus"
    assert core("The Russian Defense Ministry") == "Russian Defense Ministry"
    assert core("Mr. Farrakhan") == "Farrakhan"
    assert core("President") == "President"  # all title: nothing left to strip to


def test_a_surname_joins_the_one_full_name_it_ends():
    under = same_names({"President Donald Trump": 3, "Donald Trump": 5, "Trump": 9, "Mr. Farrakhan": 3,
                        "Louis Farrakhan": 1, "The Russian Defense Ministry": 2, "Russian Defense Ministry": 1})
    assert under["Trump"] == under["President Donald Trump"] == under["Donald Trump"] == "Donald Trump"
    assert under["Mr. Farrakhan"] == "Louis Farrakhan"
    assert same_names({"Dr. Ann Lee": 2, "Ann Lee": 1, "Lee": 4})["Lee"] == "Dr. Ann Lee"  # the commonest spelling
    assert under["The Russian Defense Ministry"] == "Russian Defense Ministry"


def test_an_ambiguous_surname_or_a_common_noun_stays_apart():
    under = same_names({"Donald Trump": 5, "Ivanka Trump": 2, "Trump": 9, "police": 4, "Capitol Police": 1})
    assert under["Trump"] == "Trump" and under["Ivanka Trump"] == "Ivanka Trump"
    assert under["police"] == "police"  # a lower-case word is no surname


def test_a_group_or_office_ending_in_a_surname_is_not_a_rival_full_name():
    under = same_names({"Senator Maria Okonkwo": 2, "Okonkwo": 6, "Staffers for Ms. Okonkwo": 1,
                        "Okonkwo campaign": 1})
    assert under["Okonkwo"] == "Senator Maria Okonkwo"
    assert under["Staffers for Ms. Okonkwo"] == "Staffers for Ms. Okonkwo"  # a group of people, kept as it is


def test_a_middle_initial_does_not_make_a_second_person():
    under = same_names({"Kwame Boateng": 5, "Kwame A. Boateng": 1, "Boateng": 8, "Ursula von der Leyen": 2,
                        "von der Leyen": 1, "Leyen": 1})
    assert under["Boateng"] == under["Kwame A. Boateng"] == under["Kwame Boateng"] == "Kwame Boateng"
    assert under["Leyen"] == "Ursula von der Leyen"  # particles belong to a name


def test_a_short_name_two_longer_ones_could_be_stays_apart():
    under = same_names({"John Q. Marsh": 2, "John T. Marsh": 3, "John Marsh": 4, "Marsh": 5})
    assert under["John Marsh"] == "John Marsh" and under["Marsh"] == "Marsh"
    assert under["John Q. Marsh"] != under["John T. Marsh"]


def test_bodies_that_differ_by_a_middle_word_stay_apart_when_known_to_be_bodies():
    counts = {"Northern Baptist Union": 1, "Northern Union": 2}
    bodies, people = same_names(counts, persons=False), same_names(counts)
    assert bodies["Northern Baptist Union"] != bodies["Northern Union"]
    assert people["Northern Baptist Union"] == people["Northern Union"]  # read as one person's two names


def test_a_job_described_before_a_full_name_is_not_the_name():
    """'Harbour master Ines Kolb', 'Regional transport minister Ines Kolb' and 'Ines Kolb' were three
    sources: a job written before a name, with what it is of, is not a title the rules knew."""
    assert core("Regional transport minister Ines Kolb") == "Ines Kolb"
    assert core("Museum curator Ines Kolb") == "Ines Kolb"
    assert core("Dock workers' union leader Ines Kolb") == "Ines Kolb"
    under = same_names({"Regional Transport Minister Ines Kolb": 1, "regional transport minister Ines Kolb": 1,
                        "Ines Kolb": 2, "Kolb": 3})
    assert set(under.values()) == {"Ines Kolb"}
    assert core("Mayor Street") == "Street"  # a title before one word is stripped as before
    assert core("Council Leader Forum") == "Council Leader Forum"  # one word after a role: not cut
    assert core("Officials at the Mayor Office") == "Officials at the Mayor Office"  # no name after it
