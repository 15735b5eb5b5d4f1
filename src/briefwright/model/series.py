"""Define a series' settings: content/series.yaml, shared by every brief of the project."""

from __future__ import annotations

from briefwright.model.base import LanguageTag, Model, Text, Url


class Series(Model):
    """The series the briefs of a project belong to: its title on the index page and in the
    feed, its language, and where it is published (for the feed's absolute links)."""

    title: Text = "Briefs"
    """The index page's and the feed's title (default: the brand's series, else `Briefs`)."""
    description: Text | None = None
    """One line under the title."""
    language: LanguageTag = "en"
    """The index page's language (BCP 47); each brief keeps its own."""
    base_url: Url | None = None
    """Where the build folder is published, ending with `/` (e.g.
    `https://briefs.example.org/`): the Atom feed (feed.xml) needs absolute links, so
    there is no feed without it."""
