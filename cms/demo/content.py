"""Demo content for the page library: declarative, built by cms.demo.seeding."""

CHARTER = [
    (
        "vision",
        "Our vision",
        "That the nations of the UK are welcoming places of safety for all, proud "
        "to offer sanctuary to people fleeing violence and persecution.",
    ),
    ("value", "Inclusiveness", "We respect diversity and welcome everyone."),
    ("value", "Openness", "We work in the open and collaborate with others."),
    (
        "value",
        "Involvement",
        "People seeking sanctuary take part in our decisions and lead our work.",
    ),
    ("value", "Inspiration", "We stay positive and share what works."),
    ("value", "Integrity", "We do what we say, honestly and transparently."),
    ("principle", "A positive vision of welcome", "We build a culture of welcome."),
    (
        "principle",
        "Friendship and solidarity",
        "We build relationships between local people and people seeking sanctuary.",
    ),
    ("principle", "Partnership", "Groups and places work together across the UK."),
    ("principle", "Practical action", "We act together on causes we share."),
    ("principle", "Celebrating contributions", "We celebrate what newcomers bring."),
    (
        "principle",
        "Involvement at every level",
        "People seeking sanctuary help decide what we do.",
    ),
    (
        "principle",
        "Letting voices be heard",
        "We promote understanding and let refugees speak for themselves.",
    ),
]

DECLARATION = [
    ("Dignity and respect", "For all asylum seekers, refugees and migrants."),
    ("A fair and effective protection process", "That people can trust."),
    ("An end to indefinite detention", "No one held without a time limit."),
    ("No one left sick or destitute", "Support and health care for everyone."),
    ("Welcome and integration", "From the day people arrive."),
]


def para(*texts):
    return [{"type": "paragraph", "value": "".join(f"<p>{t}</p>" for t in texts)}]


SHEFFIELD = {
    "about": para(
        "Sheffield City of Sanctuary began in October 2005, when a few people "
        "decided their city should be a place of welcome.",
        "In September 2007, with the support of the City Council and more than "
        "seventy local organisations, Sheffield became the first City of Sanctuary.",
    )
    + [
        {
            "type": "statistics",
            "value": {
                "title": "Sheffield in numbers",
                "items": [
                    {"figure": "2007", "label": "first City of Sanctuary"},
                    {"figure": "100+", "label": "supporting organisations by 2009"},
                ],
            },
        },
        {
            "type": "accordion",
            "value": {
                "items": [
                    {
                        "question": "Who can come to our activities?",
                        "answer": "<p>Everyone. You do not need papers or English.</p>",
                    },
                    {
                        "question": "How do I volunteer?",
                        "answer": "<p>Fill in our get involved form.</p>",
                    },
                ]
            },
        },
    ],
    "commitments": para(
        "Our council adopted a City of Sanctuary manifesto in February 2009.",
        "We promise to keep a welcome meal on the table every week of the year.",
    ),
    "inspirations": [
        (
            "A welcome meal every Friday",
            "Cooks from six countries take turns to feed a hall of neighbours.",
            ["food", "welcome"],
            "Anyone can copy this: borrow a church hall, ask people to bring a dish.",
        ),
        (
            "Myth-busting drinks mats",
            "Pubs put facts about asylum on the table, literally.",
            ["myth-busting"],
            "We printed drinks mats with simple facts and left them in local pubs.",
        ),
        (
            "Window signs for welcoming shops",
            "A sticker that tells people seeking sanctuary: you are welcome here.",
            ["welcome", "business"],
            "Shops sign a short pledge and get a sticker for the door.",
        ),
    ],
    "stories": [
        (
            "Finding my voice on the radio",
            "Amira Haddad",
            "Sheffield",
            True,
            "At the radio workshop I learnt to tell my own story, in my own words.",
        ),
        (
            "The day the letter came",
            "Yonas Tesfaye",
            "",
            False,
            "Waiting is the hardest part. Friends at the drop-in waited with me.",
        ),
    ],
    "news": [
        (
            "Sheffield celebrates its supporters",
            "The hundredth organisation signed up to support the city's welcome.",
            ["supporters"],
            70,
        ),
        (
            "New language café opens in the library",
            "Conversation practice every Tuesday, tea included.",
            ["language"],
            12,
        ),
    ],
    "events": [
        (
            "Refugee Week picnic",
            "Bring a dish and a friend to the Botanical Gardens.",
            20,
            {"venue": "Botanical Gardens", "address": "Clarkehouse Road\nSheffield"},
        ),
        (
            "Online volunteers' evening",
            "Meet the team and hear how you can help.",
            34,
            {"online_url": "https://example.org/volunteers"},
        ),
    ],
    "resources": [
        (
            "How to start a group",
            "A short handbook for people who want their town to become a place "
            "of welcome.",
            ["handbook"],
            "starting-a-group.txt",
        ),
    ],
    "supporters": [
        ("Sheffield Cathedral", "Sheffield", "approved", True),
        ("Broomhall Community Centre", "Broomhall", "approved", True),
        ("A local law firm", "Sheffield", "approved", False),
        ("Hillsborough Boxing Club", "Hillsborough", "pending", True),
    ],
}

BRISTOL = {
    "about": para("Bristol has been working towards recognition since 2009."),
    "commitments": para(
        "We promise to involve people seeking sanctuary in every decision."
    ),
    "inspirations": [
        (
            "A concert for sanctuary",
            "Musicians old and new in town share one stage.",
            ["music"],
            "We asked musicians who had arrived recently to choose the programme.",
        ),
    ],
    "stories": [
        (
            "A garden of my own",
            "Samir",
            "Easton",
            False,
            "Growing vegetables again made this city feel like home.",
        ),
    ],
    "news": [
        (
            "Bristol groups meet at City Hall",
            "Twenty organisations came together to plan the year.",
            ["meetings"],
            5,
        ),
    ],
    "events": [
        (
            "Community meeting",
            "Our open meeting: everyone is welcome to come and have a say.",
            9,
            {"venue": "St Paul's Learning Centre", "address": "Bristol"},
        ),
    ],
    "resources": [],
    "supporters": [("Bristol Refugee Rights", "Bristol", "approved", True)],
}

WALES = {
    "about": para(
        "Wales works as a Nation of Sanctuary, in Welsh and English.",
        "Croeso: welcome.",
    ),
    "commitments": para("We commit to publish what we do in Welsh and English."),
    "inspirations": [
        (
            "A Welsh lesson over tea",
            "Learning a few words of Welsh together.",
            ["language"],
            "Volunteers teach greetings in Welsh; learners teach greetings back.",
        ),
    ],
    "stories": [],
    "news": [
        (
            "Swansea and Cardiff share ideas",
            "Groups across Wales met to share what works.",
            ["meetings"],
            3,
        ),
    ],
    "events": [
        (
            "Sanctuary Summit Wales",
            "A day of workshops for groups across Wales.",
            45,
            {"venue": "Temple of Peace", "address": "Cathays Park\nCardiff"},
        ),
    ],
    "resources": [],
    "supporters": [("Swansea Mosque", "Swansea", "approved", True)],
}

SCHOOLS = {
    "about": para(
        "Schools of Sanctuary welcome children and families seeking sanctuary."
    ),
    "commitments": para("Every school we award commits to learn, embed and share."),
    "inspirations": [
        (
            "A welcome buddy for every new pupil",
            "Pupils volunteer to show newcomers round.",
            ["schools"],
            "Buddies meet new pupils on the first day and stay with them a week.",
        ),
    ],
    "stories": [],
    "news": [
        (
            "Fifty schools renew their award",
            "Schools showed how they still learn, embed and share.",
            ["awards"],
            8,
        ),
    ],
    "events": [],
    "resources": [
        (
            "Schools of Sanctuary toolkit",
            "Lesson ideas and a checklist for the award.",
            ["toolkit", "schools"],
            "schools-toolkit.txt",
        ),
    ],
    "awards": [
        (
            "School of Sanctuary award",
            "For schools that learn about sanctuary, embed welcome and share it.",
            [
                ("Hillside Primary School", "Sheffield", 2021, 2024),
                ("Riverside Academy", "Bristol", 2023, 2026),
                ("Ysgol y Bont", "Swansea", 2025, 2028),
            ],
        )
    ],
}

SITES = {
    "sheffield.localhost": SHEFFIELD,
    "bristol.localhost": BRISTOL,
    "wales.localhost": WALES,
    "schools.localhost": SCHOOLS,
}
