"""The text of the explainer clips, kept apart from the code that renders them.

Short, easy sentences in the "je" form, from the reader's rights: one sentence
is one slide, one spoken line and one caption cue (at most two lines of 42
characters). The first sentence is the title. The clips are honest about what
they are: text on the screen, read aloud by a computer voice, no real people.

EXAMPLES are published (docs/); FIXTURES are for the tests only (tests/fixtures/),
such as an embedded video with an invented id that must never reach the public site.
"""
from __future__ import annotations

import datetime as dt

UPLOADED = dt.date(2026, 11, 23)
CREDITS = ("Uitlegfilmpje van het Kennisplein: tekst op het scherm, voorgelezen door een computerstem "
           "(espeak-ng, Nederlandse stem). Er spelen geen echte mensen in en het gaat niet over echte ervaringen.")
INTRO = "Een computerstem leest de tekst op het scherm voor. Dit is alles wat je hoort en ziet."

EXAMPLES = [
    {
        "slug": "privacy",
        "colour": "0x4a2574",
        "title": "Jouw privacy",
        "level": "makkelijk",
        "audiences": ["clienten", "naasten"],
        "topics": ["privacy"],
        "summary": "Een kort uitlegfilmpje over privacy: je lichaam, je kamer, je foto's en je berichten zijn van jou, en jij beslist wie erbij mag.",
        "easy_summary": "Privacy betekent: sommige dingen zijn van jou alleen. Jij beslist wie erbij mag.",
        "sentences": [
            "Jouw privacy",
            "Privacy betekent: sommige dingen zijn van jou alleen.",
            "Je lichaam is van jou.",
            "Je kamer is jouw plek.",
            "Anderen kloppen eerst aan.",
            "Jij bepaalt wie je foto's en berichten ziet.",
            "Wil je alleen zijn met je lief? Dat mag.",
            "Voelt iets niet goed? Praat erover met iemand die je vertrouwt.",
        ],
        "transcript_intro": INTRO,
        "credits": CREDITS,
        "related_products": ["privacy-en-intimiteit", "praten-over-intimiteit-met-je-naaste"],
        "en": {
            "title": "Your privacy",
            "summary": "A short explainer about privacy: your body, your room, your photos and your messages are yours, and you decide who may share in them.",
            "easy_summary": "Privacy means: some things are yours alone. You decide who may be part of them.",
        },
    },
    {
        "slug": "grenzen",
        "colour": "0x0b5d4b",
        "title": "Jouw grenzen",
        "level": "makkelijk",
        "audiences": ["clienten", "professionals"],
        "topics": ["grenzen"],
        "summary": "Een kort uitlegfilmpje over grenzen: je voelt zelf wat je wel en niet fijn vindt, je mag altijd nee zeggen en het is nooit jouw schuld als iemand over je grens gaat.",
        "easy_summary": "Jij voelt wat je fijn vindt. Je mag altijd nee zeggen. Dan moet de ander stoppen.",
        "sentences": [
            "Jouw grenzen",
            "Een grens is: tot hier en niet verder.",
            "Jij voelt zelf wat je fijn vindt.",
            "En wat je niet fijn vindt.",
            "Je mag altijd nee zeggen.",
            "Ook als je eerst ja zei.",
            "Zeg het hardop: stop, dit wil ik niet.",
            "Dan moet de ander stoppen.",
            "Gaat iemand over je grens? Vertel het aan iemand die je vertrouwt.",
            "Het is nooit jouw schuld.",
        ],
        "transcript_intro": INTRO,
        "credits": CREDITS,
        "related_products": ["grenzen-aangeven-en-respecteren"],
        "en": {
            "title": "Your boundaries",
            "summary": "A short explainer about boundaries: you feel what you like and do not like, you may always say no, and it is never your fault when someone crosses your boundary.",
            "easy_summary": "You feel what you like. You may always say no. Then the other person must stop.",
        },
    },
    {
        "slug": "vriendschap",
        "colour": "0x7a2e0e",
        "title": "Vriendschap",
        "level": "makkelijk",
        "audiences": ["clienten", "naasten"],
        "topics": ["relaties"],
        "summary": "Een kort uitlegfilmpje over vriendschap: wat een goede vriend doet, dat je zelf kiest wie je vrienden zijn en dat iedereen recht heeft op vriendschap.",
        "easy_summary": "Een vriend luistert naar je. Jij kiest zelf wie je vrienden zijn.",
        "sentences": [
            "Vriendschap",
            "Een vriend is iemand bij wie je jezelf kunt zijn.",
            "Vrienden luisteren naar elkaar.",
            "Ze doen leuke dingen samen.",
            "Samen koken, sporten of een spelletje doen.",
            "Een echte vriend dwingt je nergens toe.",
            "Jij kiest zelf wie je vrienden zijn.",
            "Wil je nieuwe mensen leren kennen? Vraag iemand om mee te denken.",
            "Iedereen heeft recht op vriendschap. Jij ook.",
        ],
        "transcript_intro": INTRO,
        "credits": CREDITS,
        "related_products": ["vriendschap-en-relaties"],
        "en": {
            "title": "Friendship",
            "summary": "A short explainer about friendship: what a good friend does, that you choose your own friends, and that everyone has a right to friendship.",
            "easy_summary": "A friend listens to you. You choose your own friends.",
        },
    },
]

FIXTURES = [
    {
        "slug": "ingesloten-testvideo",
        "colour": "0x1f4e79",
        "title": "Testvideo: een ingesloten video met een verzonnen id",
        "level": "standaard",
        "audiences": ["naasten", "professionals"],
        "topics": ["relaties", "praten"],
        "embed": "https://www.youtube-nocookie.com/embed/voorbeeld00",
        "summary": "Voorbeeld van een video die op YouTube staat en hier pas laadt als je daarvoor kiest. De video-id 'voorbeeld00' is verzonnen: deze video bestaat niet.",
        "easy_summary": "Dit is een voorbeeld. De video staat niet echt op YouTube. Hij laat zien hoe een video van een andere website werkt.",
        "sentences": [
            "Een relatie",
            "Mensen met een beperking hebben net als ieder ander recht op een relatie.",
            "Als naaste help je door te luisteren, niet door te beslissen.",
            "Vraag wat iemand zelf wil en wat daarvoor nodig is.",
            "Praat open over verliefdheid, seks en grenzen.",
            "Twijfel je? Een seksuoloog kan met jullie meedenken.",
            "Dit is een voorbeeld van een ingesloten video. Hij staat niet echt op YouTube.",
        ],
        "transcript_intro": "Voorbeeldtekst: zo zou de uitgeschreven tekst van deze ingesloten video eruitzien. De video zelf bestaat niet.",
        "credits": "Testvideo voor de tests van de ingesloten speler, met een verzonnen YouTube-id (voorbeeld00). Alleen in tests/fixtures, nooit op de site.",
        "related_products": ["praten-over-intimiteit-met-je-naaste", "wat-doet-een-seksuoloog"],
        "en": {
            "title": "Test video: an embedded video with an invented id",
            "summary": "Example of a video hosted on YouTube that loads here only when you choose so. The video id 'voorbeeld00' is made up: this video does not exist.",
            "easy_summary": "This is an example. The video is not really on YouTube. It shows how a video from another website works.",
        },
    },
]
