"""The demo network: declarative data that seed_demo builds through provisioning."""

from datetime import date

DEMO_PASSWORD = "sanctuary-demo"  # noqa: S105 (a published demo password)

NATIONAL = {
    "name": "City of Sanctuary",
    "hostname": "localhost",
    "intro": (
        "A movement of villages, towns, cities, regions and nations building a "
        "culture of welcome for people seeking sanctuary."
    ),
}

# (name, place type, region, latitude, longitude)
GROUPS_2009 = [
    ("Bradford", "city", "yorkshire", "53.79598", "-1.75939"),
    ("Bristol", "city", "south-west", "51.45451", "-2.58791"),
    ("Chester", "city", "north-west", "53.19032", "-2.89189"),
    ("Coventry", "city", "west-midlands", "52.40656", "-1.51217"),
    ("Derby", "city", "east-midlands", "52.92253", "-1.47663"),
    ("Huddersfield", "town", "yorkshire", "53.64904", "-1.78416"),
    ("Hull", "city", "yorkshire", "53.74460", "-0.33525"),
    ("Ipswich", "town", "east", "52.05917", "1.15545"),
    ("Leicester", "city", "east-midlands", "52.63692", "-1.13975"),
    ("London", "city", "london", "51.50735", "-0.12776"),
    ("Nottingham", "city", "east-midlands", "52.95478", "-1.15810"),
    ("Oxford", "city", "south-east", "51.75202", "-1.25773"),
    ("Swansea", "city", "wales", "51.62144", "-3.94364"),
    ("Wakefield", "city", "yorkshire", "53.68331", "-1.49768"),
]

SHEFFIELD = {
    "name": "Sheffield",
    "hostname": "sheffield.localhost",
    "languages": ["ar"],
    "facts": {
        "place_type": "city",
        "region": "yorkshire",
        "stage": "recognised",
        "recognised_on": date(2007, 9, 1),
        "latitude": "53.38112",
        "longitude": "-1.47008",
        "contact_name": "Sheffield City of Sanctuary coordinator",
        "intro": (
            "The first City of Sanctuary: since 2005 Sheffield people have been "
            "making their city a place of welcome."
        ),
    },
}

WALES = {
    "name": "Wales Nation of Sanctuary",
    "hostname": "wales.localhost",
    "languages": ["cy"],
    "facts": {
        "place_type": "nation",
        "region": "wales",
        "stage": "working-towards",
        "latitude": "52.13066",
        "longitude": "-3.78371",
        "intro": (
            "Wales is working to become a Nation of Sanctuary, in Welsh and English."
        ),
    },
}

STREAMS = [
    (
        "Schools of Sanctuary",
        "schools",
        "Schools that welcome children seeking sanctuary.",
    ),
    (
        "Universities of Sanctuary",
        "universities",
        "Universities that open their doors to students and scholars "
        "seeking sanctuary.",
    ),
    (
        "Maternity Stream of Sanctuary",
        "maternity",
        "Maternity services that care for women seeking sanctuary.",
    ),
]

# (username, site hostname, role, language)
USERS = [
    ("sheffield-editor", "sheffield.localhost", "editor", None),
    ("sheffield-moderator", "sheffield.localhost", "moderator", None),
    ("sheffield-translator", "sheffield.localhost", "translator", "ar"),
    ("wales-translator", "wales.localhost", "translator", "cy"),
    ("bristol-editor", "bristol.localhost", "editor", None),
    ("national-editor", "localhost", "moderator", None),
]
