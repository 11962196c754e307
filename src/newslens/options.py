"""Plugin options: declared by plugins, given by users, checked before any document.

A plugin declares each setting it reads through the ``newslens_options`` hook::

    from newslens import Option, hookimpl

    @hookimpl
    def newslens_options():
        return [Option("readability.long_sentence_words", int, 30,
                       doc="A sentence of more words than this is flagged as long.")]

Users give values in three places, each overriding the one before:

1. a TOML file: ``[tool.newslens.options]`` of a ``pyproject.toml``, or the
   ``[options]`` table of a file given with ``--config`` (see :func:`read_config`);
2. the command line: ``-O readability.long_sentence_words=40`` (repeatable);
3. Python: ``Pipeline(options={"readability.long_sentence_words": 40})``.

Every value is checked against the declaration (:meth:`Option.convert`) when
the pipeline is built, so a misspelt name or a bad value is an
:class:`OptionError` that names the plugin, the option and the type expected,
before a single article is read. The pipeline hands the checked values to
``newslens_register_enrichers(options=...)`` as an :class:`Options` mapping.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, Final

import attrs

from newslens.errors import NewslensError

OPTION_TYPES: Final = (bool, int, float, str)
"""The types an option may have."""

_NAME = re.compile(r"^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$")
_TRUE: Final = frozenset({"true", "yes", "on", "1"})
_FALSE: Final = frozenset({"false", "no", "off", "0"})


class OptionError(NewslensError, ValueError):
    """An option that no plugin declares, a value of the wrong type, or an unreadable
    configuration file. The message names the plugin, the option and what is expected."""


def _check_name(_: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not _NAME.match(value):
        raise ValueError(
            f"option name {value!r} is not of the form 'plugin.option' "
            "(lower case, one dot, the plugin's name first)"
        )


def _check_type(_: object, attribute: attrs.Attribute[type], value: type) -> None:
    if value not in OPTION_TYPES:
        raise TypeError(
            f"an option's type must be one of bool, int, float, str; got {value!r}"
        )


def _choices(value: Iterable[Any] | None) -> tuple[Any, ...] | None:
    return None if value is None else tuple(value)


@attrs.frozen
class Option:
    """One setting of a plugin, with its type, default and a line of documentation.

    Args:
        name: ``"plugin.option"``: the plugin's name, a dot, the option's name.
        type: ``bool``, ``int``, ``float`` or ``str``.
        default: The value when nobody gives one (checked like any value).
        doc: One line saying what the option changes; shown by ``newslens plugins``.
        choices: The only values allowed, when there is such a list.
        minimum: The smallest value allowed, for ``int`` and ``float`` options.
        maximum: The largest value allowed, for ``int`` and ``float`` options. With either
            bound, a float option refuses NaN (it is neither above nor below a bound).
        plugin: The plugin that declared it (set by the plugin host).

    Raises:
        ValueError: for a malformed name, or a default outside *choices* or the bounds.
        TypeError: for a type other than the four, or a default of another type.

    Example:
        >>> limit = Option("readability.long_sentence_words", int, 30, doc="Long sentences.")
        >>> limit.convert("40"), limit.convert(25)
        (40, 25)
    """

    name: str = attrs.field(validator=_check_name)
    type: type = attrs.field(validator=_check_type)
    default: Any
    doc: str = attrs.field(default="", kw_only=True)
    choices: tuple[Any, ...] | None = attrs.field(default=None, kw_only=True, converter=_choices)
    minimum: float | None = attrs.field(default=None, kw_only=True)
    maximum: float | None = attrs.field(default=None, kw_only=True)
    plugin: str | None = attrs.field(default=None, kw_only=True)

    def __attrs_post_init__(self) -> None:
        try:
            self.convert(self.default)
        except OptionError as exc:
            raise ValueError(f"the default of option {self.name!r} is not valid: {exc}") from None

    @property
    def namespace(self) -> str:
        """The part of the name before the dot (the plugin's name)."""
        return self.name.partition(".")[0]

    def describe_type(self) -> str:
        """The type in words, with the choices or bounds (``"int >= 1"``,
        ``"float from 0 to 1"``)."""
        text = self.type.__name__
        if self.choices is not None:
            text += " (one of " + ", ".join(map(repr, self.choices)) + ")"
        low, high = self.minimum, self.maximum
        if low is not None and high is not None:
            text += f" from {low:g} to {high:g}"
        elif low is not None:
            text += f" >= {low:g}"
        elif high is not None:
            text += f" <= {high:g}"
        return text

    def convert(self, value: Any) -> Any:
        """Return *value* as this option's type; strings (from the command line) are parsed.

        Raises:
            OptionError: naming the option and the type expected.
        """
        converted = self._parse(value)
        if self.choices is not None and converted not in self.choices:
            raise self._error(value)
        if self.minimum is not None and not converted >= self.minimum:  # NaN is refused
            raise self._error(value)
        if self.maximum is not None and not converted <= self.maximum:
            raise self._error(value)
        return converted

    def _parse(self, value: Any) -> Any:
        kind = self.type
        if kind is bool:
            if isinstance(value, bool):
                return value
            if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
                return value.strip().lower() in _TRUE
        elif kind is int:
            if isinstance(value, int) and not isinstance(value, bool):
                return value
            if isinstance(value, str):
                try:
                    return int(value.strip().replace("_", ""))
                except ValueError:
                    pass
        elif kind is float:
            if isinstance(value, int | float) and not isinstance(value, bool):
                return float(value)
            if isinstance(value, str):
                try:
                    return float(value.strip())
                except ValueError:
                    pass
        elif isinstance(value, str):
            return value
        raise self._error(value)

    def _error(self, value: Any) -> OptionError:
        owner = f" of plugin {self.plugin!r}" if self.plugin else ""
        return OptionError(
            f"option {self.name!r}{owner} expects {self.describe_type()}, got {value!r}"
        )


class Options(Mapping[str, Any]):
    """The checked value of every declared option, by full name (read-only).

    What ``newslens_register_enrichers`` receives as ``options``: every option
    of every plugin is present, with its default when nobody gave a value.

    Example:
        >>> declared = [Option("demo.limit", int, 3, doc="A limit.")]
        >>> options = Options.resolve(declared, {"demo.limit": "5"})
        >>> options["demo.limit"], options.given
        (5, frozenset({'demo.limit'}))
    """

    __slots__ = ("_declared", "_values", "given")

    def __init__(
        self,
        declared: Mapping[str, Option],
        values: Mapping[str, Any],
        given: frozenset[str] = frozenset(),
    ) -> None:
        self._declared = dict(declared)
        self._values = dict(values)
        self.given: frozenset[str] = given
        """The names whose value was given rather than defaulted."""

    @classmethod
    def resolve(
        cls,
        declared: Iterable[Option],
        given: Mapping[str, Any] | None = None,
        *,
        failed: Iterable[str] = (),
    ) -> Options:
        """Check *given* values against the *declared* options and fill in the defaults.

        Args:
            declared: Every option the plugins declare.
            given: Values by full name (strings are parsed).
            failed: Names of plugins that failed to load, so that an option of
                theirs is reported as such rather than as unknown.

        Raises:
            OptionError: for a name that no option has (with the closest names) or a
                value that does not fit its option.
        """
        by_name = {option.name: option for option in declared}
        values = {name: option.default for name, option in by_name.items()}
        for name, value in (given or {}).items():
            option = by_name.get(name)
            if option is None and name.partition(".")[0] in set(failed):
                raise OptionError(
                    f"option {name!r} cannot be set: plugin {name.partition('.')[0]!r} "
                    "failed to load (see 'newslens plugins')"
                )
            if option is None:
                raise OptionError(_unknown(name, by_name))
            values[name] = option.convert(value)
        return cls(by_name, values, frozenset(given or ()))

    @property
    def declared(self) -> Mapping[str, Option]:
        """The :class:`Option` of each name."""
        return self._declared

    def for_plugin(self, namespace: str) -> dict[str, Any]:
        """The values of one plugin's options, by the short name after the dot."""
        prefix = namespace + "."
        return {
            name[len(prefix) :]: value
            for name, value in self._values.items()
            if name.startswith(prefix)
        }

    def __getitem__(self, name: str) -> Any:
        try:
            return self._values[name]
        except KeyError:
            raise OptionError(_unknown(name, self._declared)) from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __repr__(self) -> str:
        return f"Options({self._values!r})"


def _unknown(name: str, declared: Mapping[str, Option]) -> str:
    namespace = name.partition(".")[0]
    own = sorted(n for n in declared if n.startswith(namespace + "."))
    if own:
        hint = f"plugin {namespace!r} has: {', '.join(own)}"
    else:
        hint = f"no installed plugin declares options under {namespace!r}"
        close = difflib.get_close_matches(name, list(declared), n=3)
        if close:
            hint += f"; did you mean {', '.join(close)}?"
    return f"unknown option {name!r}: {hint} (see 'newslens plugins')"


def parse_assignment(text: str) -> tuple[str, str]:
    """Split ``"plugin.option=value"`` (a ``-O`` argument) into name and value.

    Raises:
        OptionError: when there is no ``=`` or no name before it.
    """
    name, equals, value = text.partition("=")
    if not equals or not name.strip():
        raise OptionError(f"option {text!r} is not of the form PLUGIN.OPTION=VALUE")
    return name.strip(), value


CONFIG_KEYS: Final = (
    "backend", "max_chars", "published", "language", "strict", "encoding", "options"
)
"""The keys a configuration table may hold (see :func:`read_config`)."""


def read_config(path: str | Path) -> dict[str, Any]:
    """Read newslens settings from a TOML file.

    In a file called ``pyproject.toml`` the settings are the ``[tool.newslens]``
    table (an empty dict when there is none); in any other file, the whole file.
    Settings are the :class:`~newslens.Config` fields in :data:`CONFIG_KEYS`, and
    an ``options`` table whose keys are plugin names and whose values are tables
    of option values::

        [tool.newslens]
        backend = "lite"

        [tool.newslens.options.readability]
        long_sentence_words = 40

    Returns:
        The settings, with ``options`` flattened to ``{"readability.long_sentence_words": 40}``.

    Raises:
        OptionError: naming the file and the key when the file cannot be read, is not
            TOML, or holds an unknown key.
    """
    import tomllib

    where = str(path)
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except OSError as exc:
        reason = exc.strerror or exc
        raise OptionError(f"{where}: cannot read the configuration: {reason}") from None
    except tomllib.TOMLDecodeError as exc:
        raise OptionError(f"{where}: not valid TOML: {exc}") from None
    if Path(path).name == "pyproject.toml":
        table = data.get("tool", {}).get("newslens", {})
        where += " [tool.newslens]"
    else:
        table = data
    if not isinstance(table, dict):
        raise OptionError(f"{where}: the newslens settings must be a table")
    unknown = sorted(set(table) - set(CONFIG_KEYS))
    if unknown:
        raise OptionError(
            f"{where}: unknown setting {unknown[0]!r}; settings are {', '.join(CONFIG_KEYS)}"
        )
    settings = {key: value for key, value in table.items() if key != "options"}
    settings["options"] = _flatten_options(table.get("options", {}), where)
    return settings


def _flatten_options(table: Any, where: str) -> dict[str, Any]:
    if not isinstance(table, dict):
        raise OptionError(f"{where}: 'options' must be a table of plugin tables")
    flat: dict[str, Any] = {}
    for plugin, values in table.items():
        if not isinstance(values, dict):
            raise OptionError(
                f"{where}: options.{plugin} must be a table such as "
                f"[options.{plugin}] with one line per option"
            )
        for name, value in values.items():
            flat[f"{plugin}.{name}"] = value
    return flat


def find_pyproject(start: str | Path = ".") -> Path | None:
    """Return the nearest ``pyproject.toml`` with a ``[tool.newslens]`` table, or ``None``.

    Looks in *start* and its parents, stopping at the first ``pyproject.toml``
    found (the project's own) whether or not it has the table.
    """
    import tomllib

    folder = Path(start).resolve()
    for candidate in (folder, *folder.parents):
        path = candidate / "pyproject.toml"
        if path.is_file():
            try:
                with open(path, "rb") as handle:
                    data = tomllib.load(handle)
            except (OSError, tomllib.TOMLDecodeError):
                return path  # read_config will say what is wrong with it
            return path if "newslens" in data.get("tool", {}) else None
    return None
