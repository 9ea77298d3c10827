"""The video part of the editors' guide (``/voor-redacteuren/``), generated from the video schema
and the caption limits, so the guide says exactly what the checks accept."""
from __future__ import annotations

from kennisplein.authors_guide import _rows
from kennisplein.videos import captions
from kennisplein.videos.model import AudioDescription, SignLanguage, Source, Transcript, VideoMeta

EXAMPLE = """title: Jouw privacy
summary: Een korte video over privacy: je lichaam, je kamer en je berichten zijn van jou.
easy_summary: Privacy betekent: sommige dingen zijn van jou alleen.
audiences: [clienten, naasten]
topics: [privacy]
region: algemeen
language: nl
level: makkelijk
duration: PT0M34S
uploaded: 2026-11-23
source:
  file: videos/media/privacy.webm        # of: embed: https://www.youtube-nocookie.com/embed/<id>
  poster: videos/media/privacy.png
captions: videos/media/privacy.vtt
transcript:
  file: _data/videos/privacy.transcript.md
audio_description:
  integrated: true
credits: Gemaakt door ...
licence: CC BY 4.0
related_products: [privacy-en-intimiteit]
"""


def markdown(vocabulary) -> str:
    header = "| sleutel | verplicht | betekenis | toegestane waarden | voorbeeld |\n|---|---|---|---|---|"
    rows = _rows(VideoMeta, vocabulary)
    for prefix, model in (("source.", Source), ("transcript.", Transcript), ("audio_description.", AudioDescription), ("sign_language.", SignLanguage)):
        rows += _rows(model, vocabulary, prefix=prefix)
    return f"""
## Video's

Elke video is één bestand `docs/_data/videos/<slug>.yml`; de pagina komt op `/videos/<slug>/`.
Paden zijn relatief aan `docs/`. Wat de lezer afspeelt of downloadt (video, poster, ondertiteling)
staat in `docs/videos/media/`; de uitgeschreven tekst staat onder `docs/_data/videos/`.
Een product kan zijn video's noemen met `videos: [slug]` in de front matter; een video noemt
zijn producten met `related_products`. Eén kant is genoeg: de link staat dan op beide pagina's.

{header}
{chr(10).join(rows)}

### Ondertiteling (WebVTT)

- De eerste regel is `WEBVTT`; tijden schrijf je als `00:00:01.500 --> 00:00:04.000`.
- Cues staan op volgorde van tijd, overlappen niet en eindigen na hun begin.
- Hoogstens {captions.MAX_LINES} regels van hoogstens {captions.MAX_LINE_LENGTH} tekens per cue.
- Leessnelheid hoogstens {captions.MAX_CPS:g} tekens per seconde, {captions.MAX_CPS_EASY:g} voor video's met `level: makkelijk`.
- Geen cue eindigt na de `duration` van de video.

### Video van een andere website

Alleen `www.youtube-nocookie.com/embed/…`, `player.vimeo.com/video/…?dnt=1` of een eigen host die in
`mkdocs.yml` onder `extra.video_hosts` staat (of `video_hosts` in het organisatiebestand). De pagina laadt
niets van die website tot de lezer op de knop drukt; de poster is altijd een eigen afbeelding.

### Voorbeeld van een videobestand

```yaml
{EXAMPLE}```
"""
