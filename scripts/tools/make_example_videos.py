"""Make the explainer clips of the video index: text slides, a spoken Dutch track and matching captions.

    .venv/bin/python scripts/tools/make_example_videos.py            # all clips and test fixtures
    .venv/bin/python scripts/tools/make_example_videos.py privacy    # one of them

The platform needs real, playable videos before any organisation has filmed one,
so the index, the player, the captions and the checks can be seen and tested.
The clips are published as what they are, short explainers in easy words read by a
computer voice; the test fixtures (an embed with an invented id) go to tests/fixtures/.
Each clip is a few slides read aloud by espeak-ng (voice nl); every cue is timed
from the speech of its own sentence, so the captions match the audio and keep
to the reading speed the caption checks demand. Uses Debian's ffmpeg and
espeak-ng, installed with apt-get when missing and run as root.

Writes, per clip: docs/videos/media/<slug>.webm (not for an embed),
<slug>.png (poster) and <slug>.vtt; docs/_data/videos/<slug>.transcript.md and
<slug>.yml (a fixture: the same under tests/fixtures/embed-video/). These files are
committed, so building the site needs neither tool.
"""
from __future__ import annotations

import argparse
import math
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
import wave
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from example_videos import EXAMPLES, FIXTURES, UPLOADED  # noqa: E402
from kennisplein.videos import captions  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
PUBLISHED = ROOT / "docs"
FIXTURE_DOCS = ROOT / "tests" / "fixtures" / "embed-video"  # laid out like docs/, merged into a copy by the tests
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
FONT_REGULAR = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
WIDTH, HEIGHT = 640, 360
RATE = 22050          # espeak-ng's own sample rate
SPEED = 140           # words per minute: calm, clear speech
LEAD, PAUSE, GAP = 0.4, 0.7, 0.1  # silence before the first sentence, after each, between cues
FOOTER = "Kennisplein · uitlegfilmpje · computerstem"
TOOLS = {"ffmpeg": "ffmpeg", "espeak-ng": "espeak-ng", "fc-list": "fontconfig"}


def ensure_tools() -> None:
    missing = sorted({package for tool, package in TOOLS.items() if not shutil.which(tool)} | ({"fonts-dejavu-core"} if not Path(FONT).exists() else set()))
    if not missing:
        return
    if os.geteuid() != 0:
        sys.exit(f"missing {', '.join(missing)}: run 'sudo apt-get install {' '.join(missing)}' and try again")
    subprocess.run(["apt-get", "update", "-qq"], check=True)
    subprocess.run(["apt-get", "install", "-y", "-qq", *missing], check=True, env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})


def speak(text: str, target: Path) -> float:
    """Synthesise one sentence; returns its length in seconds."""
    subprocess.run(["espeak-ng", "-v", "nl", "-s", str(SPEED), "-w", str(target), text], check=True)
    with wave.open(str(target)) as audio:
        assert audio.getframerate() == RATE and audio.getnchannels() == 1, "unexpected espeak-ng output format"
        return audio.getnframes() / RATE


def caption_lines(sentence: str) -> list[str]:
    lines = textwrap.wrap(sentence, captions.MAX_LINE_LENGTH)
    if len(lines) > captions.MAX_LINES:
        sys.exit(f"sentence too long for one cue of {captions.MAX_LINES} lines: {sentence!r}")
    return lines


def timeline(sentences: list[str], clips: list[float], easy_read: bool) -> list[tuple[float, float, float]]:
    """(start, cue end, slot length) per sentence: the slot lasts the speech plus a pause,
    longer when needed to keep the cue under the reading-speed limit."""
    limit = (captions.MAX_CPS_EASY if easy_read else captions.MAX_CPS) - 1  # a margin under the limit
    out, start = [], LEAD
    for sentence, clip in zip(sentences, clips):
        characters = len("".join(caption_lines(sentence)))
        slot = max(clip + PAUSE, characters / limit + GAP)
        out.append((start, start + slot - GAP, slot))
        start += slot
    return out


def write_audio(parts: list[Path], slots: list[tuple[float, float, float]], target: Path) -> float:
    with wave.open(str(target), "wb") as out:
        out.setnchannels(1), out.setsampwidth(2), out.setframerate(RATE)
        out.writeframes(b"\0\0" * int(LEAD * RATE))
        for part, (_, _, slot) in zip(parts, slots):
            with wave.open(str(part)) as audio:
                frames = audio.readframes(audio.getnframes())
            out.writeframes(frames + b"\0\0" * (int(slot * RATE) - len(frames) // 2))
        return out.getnframes() / RATE


def _drawtext(lines: list[str], size: int, folder: Path, tag: str, font: str = FONT, centre_y: float = HEIGHT / 2 - 12) -> list[str]:
    spacing = int(size * 1.35)
    top = centre_y - spacing * len(lines) / 2
    filters = []
    for i, line in enumerate(lines):
        text_file = folder / f"{tag}-{i}.txt"
        text_file.write_text(line, encoding="utf-8")
        filters.append(f"drawtext=fontfile={font}:textfile={text_file}:expansion=none:fontcolor=white:fontsize={size}:x=(w-text_w)/2:y={top + i * spacing:.0f}")
    return filters


def slide(text: str, target: Path, colour: str, folder: Path, title: bool = False) -> None:
    size = 44 if title else 32
    lines = textwrap.wrap(text, 20 if title else 28)
    filters = _drawtext(lines, size, folder, target.stem)
    filters += _drawtext([FOOTER], 15, folder, target.stem + "-footer", FONT_REGULAR, HEIGHT - 24)
    subprocess.run(["ffmpeg", "-loglevel", "error", "-y", "-f", "lavfi", "-i", f"color=c={colour}:s={WIDTH}x{HEIGHT}",
                    "-vf", ",".join(filters), "-frames:v", "1", str(target)], check=True)


def encode(slides: list[Path], slots: list[tuple[float, float, float]], audio: Path, target: Path, folder: Path) -> None:
    listing = ["ffconcat version 1.0", f"file '{slides[0]}'", f"duration {LEAD:.3f}"]
    for path, (_, _, slot) in zip(slides, slots):
        listing += [f"file '{path}'", f"duration {slot:.3f}"]
    listing.append(f"file '{slides[-1]}'")
    (folder / "slides.txt").write_text("\n".join(listing) + "\n", encoding="utf-8")
    subprocess.run([
        "ffmpeg", "-loglevel", "error", "-y", "-f", "concat", "-safe", "0", "-i", str(folder / "slides.txt"), "-i", str(audio),
        "-vf", "fps=10,format=yuv420p", "-c:v", "libvpx-vp9", "-crf", "42", "-b:v", "0", "-g", "20", "-row-mt", "1",
        "-c:a", "libopus", "-b:a", "24k", "-ac", "1", "-shortest", "-fflags", "+bitexact", "-flags:v", "+bitexact",
        "-flags:a", "+bitexact", "-map_metadata", "-1", str(target),
    ], check=True)


def vtt(sentences: list[str], slots: list[tuple[float, float, float]]) -> str:
    from kennisplein.videos.duration import timestamp

    blocks = ["WEBVTT\n"]
    for number, (sentence, (start, end, _)) in enumerate(zip(sentences, slots), start=1):
        blocks.append(f"{number}\n{timestamp(start)} --> {timestamp(end)}\n" + "\n".join(caption_lines(sentence)) + "\n")
    return "\n".join(blocks)


def transcript(example: dict) -> str:
    lines = [example["transcript_intro"], ""]
    lines += [f"**{example['sentences'][0]}**", ""]
    lines += [sentence + "\n" for sentence in example["sentences"][1:]]
    return "\n".join(lines).rstrip() + "\n"


def metadata(example: dict, seconds: float) -> dict:
    slug = example["slug"]
    source = {"embed": example["embed"]} if example.get("embed") else {"file": f"videos/media/{slug}.webm"}
    source["poster"] = f"videos/media/{slug}.png"
    data = {
        "title": example["title"],
        "summary": example["summary"],
        "easy_summary": example["easy_summary"],
        "audiences": example["audiences"],
        "topics": example["topics"],
        "region": "algemeen",
        "language": "nl",
        "level": example["level"],
        "duration": "PT{}M{}S".format(*divmod(math.ceil(seconds), 60)),
        "uploaded": UPLOADED,
        "source": source,
        "captions": f"videos/media/{slug}.vtt",
        "transcript": {"file": f"_data/videos/{slug}.transcript.md"},
    }
    if not example.get("embed"):
        data["audio_description"] = {"integrated": True}
    data["credits"] = example["credits"]
    data["licence"] = "CC0 1.0"
    data["related_products"] = example["related_products"]
    data["en"] = example["en"]
    return data


def make(example: dict, root: Path = PUBLISHED) -> None:
    MEDIA, DATA = root / "videos" / "media", root / "_data" / "videos"
    slug, easy = example["slug"], example["level"] == "makkelijk"
    sentences = example["sentences"]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        parts = [folder / f"s{i}.wav" for i in range(len(sentences))]
        clips = [speak(sentence, part) for sentence, part in zip(sentences, parts)]
        slots = timeline(sentences, clips, easy)
        seconds = write_audio(parts, slots, folder / "audio.wav")
        slides = [folder / f"slide{i}.png" for i in range(len(sentences))]
        for i, (sentence, path) in enumerate(zip(sentences, slides)):
            slide(sentence, path, example["colour"], folder, title=i == 0)
        MEDIA.mkdir(parents=True, exist_ok=True)
        DATA.mkdir(parents=True, exist_ok=True)
        shutil.copy(slides[0], MEDIA / f"{slug}.png")
        if not example.get("embed"):
            encode(slides, slots, folder / "audio.wav", MEDIA / f"{slug}.webm", folder)
    (MEDIA / f"{slug}.vtt").write_text(vtt(sentences, slots), encoding="utf-8")
    (DATA / f"{slug}.transcript.md").write_text(transcript(example), encoding="utf-8")
    header = "# Generated by scripts/tools/make_example_videos.py from scripts/tools/example_videos.py: change the text there and run it again.\n# Paths are relative to docs/. A video of your own needs the same keys; see the editors' guide.\n"
    body = yaml.safe_dump(metadata(example, seconds), allow_unicode=True, sort_keys=False, width=110)
    (DATA / f"{slug}.yml").write_text(header + body, encoding="utf-8")
    cues, problems = captions.check_file(MEDIA / f"{slug}.vtt", f"{slug}.vtt", easy, seconds)
    if problems:
        sys.exit("\n".join(str(p) for p in problems))
    sizes = ", ".join(f"{p.name} {p.stat().st_size / 1024:.1f} KB" for p in sorted(MEDIA.glob(f"{slug}.*")))
    print(f"{slug}: {seconds:.1f} s, {len(cues)} cues; {sizes}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("slugs", nargs="*", help="only these examples (default: all)")
    args = parser.parse_args(argv)
    every = [(e, PUBLISHED) for e in EXAMPLES] + [(e, FIXTURE_DOCS) for e in FIXTURES]
    chosen = [(e, root) for e, root in every if not args.slugs or e["slug"] in args.slugs]
    if not chosen:
        parser.error(f"no such clip; choose from {', '.join(e['slug'] for e, _ in every)}")
    ensure_tools()
    for example, root in chosen:
        make(example, root)
    return 0


if __name__ == "__main__":
    sys.exit(main())
