"""Casualty and arrest counts (issue 15 item 7), on sentences written for these tests."""
from __future__ import annotations

import pytest

from newsevents.events.casualties import counts_in, read_casualty_words

pytestmark = pytest.mark.issue(15)

UNBOUNDED = None


@pytest.mark.parametrize("text,kind,low,high,words", [
    # plain numerals and number words
    ("The air strike killed 14 civilians near the border.", "killed", 14, 14, "14"),
    ("Two people were killed when the bomb went off.", "killed", 2, 2, "Two"),
    ("Soldiers shot dead nine villagers on Friday.", "killed", 9, 9, "nine"),
    ("The militia killed two hundred and fifty villagers.", "killed", 250, 250, "two hundred and fifty"),
    ("Twenty-five protesters were hurt in the stampede.", "injured", 25, 25, "Twenty-five"),
    ("The bombing killed 1,200 people over a week.", "killed", 1200, 1200, "1,200"),
    ("The famine and the war killed 3 thousand people.", "killed", 3000, 3000, "3 thousand"),
    ("Militants killed one soldier at the checkpoint.", "killed", 1, 1, "one"),
    # floors and ceilings
    ("The blast killed at least 20 people in the market.", "killed", 20, UNBOUNDED, "at least 20"),
    ("More than 100 people were arrested on Sunday.", "arrested", 101, UNBOUNDED, "More than 100"),
    ("Over 40 students were detained after the march.", "arrested", 41, UNBOUNDED, "Over 40"),
    ("The strike killed up to 30 fighters.", "killed", 1, 30, "up to 30"),
    ("Police said as many as 60 people were held overnight.", "arrested", 1, 60, "as many as 60"),
    ("No fewer than seven officers were wounded.", "injured", 7, UNBOUNDED, "No fewer than seven"),
    ("Nearly 50 people died in the shelling.", "killed", 1, 49, "Nearly 50"),  # short of 50
    # vague quantities
    ("Police detained dozens of protesters outside parliament.", "arrested", 24, 99, "dozens of"),
    ("Hundreds were arrested across the country.", "arrested", 200, 999, "Hundreds"),
    ("Troops fired into the crowd, wounding several demonstrators.", "injured", 3, 9, "several"),
    ("The rebels executed a dozen prisoners.", "killed", 12, 12, "a dozen"),
    ("Thousands were detained in the crackdown.", "arrested", 2000, 9999, "Thousands"),
    # one person named by a singular noun
    ("A policeman was killed in the ambush.", "killed", 1, 1, "A"),
    ("A police officer has been wounded by a sniper.", "injured", 1, 1, "A"),
    ("The drone strike killed a senior commander.", "killed", 1, 1, "a"),
    # adjectives, nouns and tolls
    ("The attack left 12 dead on the road.", "killed", 12, 12, "12"),
    ("The death toll rose to 45 on Monday.", "killed", 45, 45, "45"),
    ("The earthquake claimed 30 lives.", "killed", 30, 30, "30"),
    ("Rights groups condemned the arrest of 15 journalists.", "arrested", 15, 15, "15"),
    ("Three of the soldiers died of their wounds.", "killed", 3, 3, "Three"),
    # a toll far from its verb, a count before a comma, "shot dead"
    ("The death toll from Tuesday's blast at a bus station in the east of the country rose to 14 on Wednesday.",
     "killed", 14, 14, "14"),
    ("Police said 1,200 people were detained, 30 of them minors.", "arrested", 1200, 1200, "1,200"),
    ("The death toll rose to 31, the health ministry said.", "killed", 31, 31, "31"),
    ("The rebels freed the hostages after 17 were wounded, the army said.", "injured", 17, 17, "17"),
    ("A guard was shot dead at the gate of the ministry.", "killed", 1, 1, "A"),
    ("Two farmers were found dead near the border.", "killed", 2, 2, "Two"),
    # "a" that opens a vague quantity, an adverb inside the passive, "of a" inside the noun
    ("A dozen protesters were detained outside parliament.", "arrested", 12, 12, "A dozen"),
    ("A handful of villagers were wounded.", "injured", 2, 5, "A handful of"),
    ("A policeman was seriously injured in the ambush.", "injured", 1, 1, "A"),
    ("Five leaders of an armed faction were arrested in Goma.", "arrested", 5, 5, "Five"),
    # one person named by "the" or an owner, a number after "the"
    ("The suspect was arrested at the airport.", "arrested", 1, 1, "The"),
    ("Police arrested the suspect at his home.", "arrested", 1, 1, "the"),
    ("Rebels killed the mayor of the town.", "killed", 1, 1, "the"),
    ("Her husband was detained last week.", "arrested", 1, 1, "Her"),
    ("Gunmen killed the 12 passengers of a minibus.", "killed", 12, 12, "12"),
    # groups joined through an owner
    ("Militants killed a farmer and his three sons.", "killed", 4, 4, "a farmer and his three"),
    ("A woman and her daughter were killed when a shell hit their home.", "killed", 2, 2, "A woman and her"),
    # a phrase set off between the count and its verb
    ("Two soldiers, among them a captain, were killed in the ambush.", "killed", 2, 2, "Two"),
    ("Four men who had fired on a checkpoint were shot dead by troops.", "killed", 4, 4, "Four"),
    ("A man who was wounded in the blast died in hospital.", "killed", 1, 1, "A"),
    # one more, one who died, a phrasal verb, a noun of killing, custody in the passive
    ("Two officers died; a fourth was critically wounded.", "injured", 1, 1, "a fourth"),
    ("Another was wounded.", "injured", 1, 1, "Another"),
    ("A soldier died of his wounds.", "killed", 1, 1, "A"),
    ("Turkish police rounded up 45 suspects in dawn raids.", "arrested", 45, 45, "45"),
    ("The UN condemned the massacre of 40 villagers.", "killed", 40, 40, "40"),
    ("A suspect was taken into custody on Friday.", "arrested", 1, 1, "A"),
    ("Twelve activists were placed in custody.", "arrested", 12, 12, "Twelve"),
    # "gunned down", "to death" after a verb of violence, a toll that "the number of" opens
    ("An Afghan police officer was gunned down in Kandahar.", "killed", 1, 1, "An"),
    ("Gunmen gunned down three traders in the market.", "killed", 3, 3, "three"),
    ("Two women were burned to death by a mob.", "killed", 2, 2, "Two"),
    ("The number of people killed in the attack has climbed to 40.", "killed", 40, 40, "40"),
    ("The number of dead rose to 31 on Tuesday.", "killed", 31, 31, "31"),
])
def test_a_count(text: str, kind: str, low: int, high: int | None, words: str) -> None:
    count = counts_in(text)[kind]
    assert (count["min"], count["max"], count["text"]) == (low, high, words)
    start, end = count["span"]
    assert text[start:end] == words


def test_killing_and_wounding_each_take_their_own_count() -> None:
    counts = counts_in("Gunmen opened fire on a bus, killing 12 and wounding 30.")
    assert (counts["killed"]["min"], counts["injured"]["min"]) == (12, 30)


def test_dead_and_injured_after_the_count() -> None:
    counts = counts_in("The explosion left 7 dead and 40 injured.")
    assert (counts["killed"]["min"], counts["injured"]["min"]) == (7, 40)


def test_a_singular_dead_and_a_plural_wounded() -> None:
    counts = counts_in("A soldier was killed and three others were wounded.")
    assert (counts["killed"]["min"], counts["injured"]["min"]) == (1, 3)


@pytest.mark.parametrize("text", [
    "Police detained the protest organisers.",             # "the" before a plural noun phrase
    "Police detained the family of the suspect.",          # a group, not one person
    "Six men who resisted arrest were named by police.",   # resisting arrest is no arrest
    "A man was sentenced to death for the murder.",        # a sentence, not a killing
    "The number of protesters grew to 5,000.",             # a number of no kind of harm
    "The bombing killed a number of civilians.",          # "a number of" is no count
    "Police held talks with protest leaders.",            # held: no one detained
    "The president has held a meeting with members of the delegation.",  # an occasion held
    "The ruling party held the vote on Sunday.",          # "the" + an occasion: no one held
    "Troops shelled the city for 12 hours.",              # hours, not people
    "In 2019 the army attacked the village.",             # a year
    "Police fired tear gas at the crowd.",                 # nothing happened to a counted group
])
def test_no_count(text: str) -> None:
    assert counts_in(text) == {}


def test_a_year_before_a_count_is_not_the_count() -> None:
    assert counts_in("In 2019 the army killed 3 men.")["killed"]["min"] == 3


def test_a_number_of_hours_is_skipped_for_the_count_after_it() -> None:
    counts = counts_in("Troops shelled the city for 12 hours, killing several civilians.")
    assert (counts["killed"]["min"], counts["killed"]["max"]) == (3, 9)


def test_spans_are_offsets_in_the_document() -> None:
    count = counts_in("Police detained 15 students.", offset=100)["arrested"]
    assert count["span"] == [116, 118]


def test_the_data_file_is_checked() -> None:
    with pytest.raises(ValueError, match="unknown kind"):
        read_casualty_words("kind\tphrase\tmin\tmax\tnote\nweird\tx\t1\t1\n", "t.tsv")


def test_material_conflict_events_carry_counts_and_others_do_not() -> None:
    import newsevents

    (attack,) = [e for e in newsevents.code_text(
        "Russian forces shelled Kharkiv on Tuesday, killing two people and wounding 11.", date="2024-06-21")
        if e.code.startswith("19")]
    assert attack.to_dict()["attributes"]["killed"]["min"] == 2
    assert attack.to_dict()["attributes"]["injured"]["min"] == 11
    for event in newsevents.code_text("France praised Germany, which lost 12 players.", date="2024-06-21"):
        assert event.to_dict()["attributes"] == {}


def test_arrests_carry_their_count() -> None:
    import newsevents

    events = newsevents.code_text("Nigerian police arrested 15 protesters in Lagos on Monday.", date="2024-06-21")
    assert any(e.code.startswith("17") and e.attributes.get("arrested", {}).get("min") == 15 for e in events)



def test_a_zero_is_shared_by_the_verb_joined_to_it() -> None:
    counts = counts_in("No one was hurt or killed in the blast.")
    assert (counts["killed"]["max"], counts["injured"]["max"]) == (0, 0)
    assert counts_in("Nobody was arrested or charged.") == {"arrested": counts_in("Nobody was arrested.")["arrested"]}


def test_a_later_number_wins_over_one_already_named() -> None:
    # the gunman is the one someone named; the news is the three he killed
    count = counts_in("The gunman was shot dead by police after killing three shoppers.")["killed"]
    assert (count["min"], count["text"]) == (3, "three")


def test_protests_carry_their_counts() -> None:
    import newsevents

    events = newsevents.code_text("Thousands of teachers marched through Santiago on Thursday, and police said no "
                                  "arrests were made.", date="2024-06-21")
    (march,) = [e for e in events if e.root == "14"]
    assert march.attributes["arrested"]["max"] == 0
