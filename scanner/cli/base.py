"""How every (sub-)app of the CLI is built: one group class, one set of settings."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup

from m365inv.errors import Interrupted

if TYPE_CHECKING:
    from typer._click.core import Context as ClickContext  # typer vendors click
    from typer._click.formatting import HelpFormatter


class _Group(TyperGroup):
    """Typer turns a ``KeyboardInterrupt`` inside a command into a silent exit 130 (and click's
    prompts turn it into "Aborted!", exit 1) before :func:`main` can see it. Re-raise it as
    :class:`Interrupted` so ``main`` prints one line and exits 130 either way."""

    def invoke(self, ctx: ClickContext) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            raise Interrupted("interrupted") from None
        except typer.Abort as exc:
            if isinstance(exc.__context__, KeyboardInterrupt):
                raise Interrupted("interrupted") from None
            raise


def new_app(name: str | None, help_text: str) -> typer.Typer:
    """A (sub-)app with the settings every level shares: plain help, ``-h``, help when bare."""
    return typer.Typer(
        name=name,
        cls=_Group,
        help=help_text,
        no_args_is_help=True,
        rich_markup_mode=None,
        pretty_exceptions_enable=False,
        add_completion=name is None,
        context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    )


def _argument_label(param: TyperArgument) -> str:
    """``PROFILE``, ``[OLDER]``, ``[FILE]...`` — not typer's ``{profile}`` / ``profile <str>``."""
    label = param.metavar or (param.name or "").upper()
    if not param.required:
        label = f"[{label}]"
    return label + ("..." if param.nargs != 1 else "")


class _Command(TyperCommand):
    """Plain help that reads like a man page: arguments by their metavar in the usage line and
    in an "Arguments" list, options as click prints them (``--out DIR``, flags bare)."""

    def collect_usage_pieces(self, ctx: ClickContext) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        return pieces + [
            _argument_label(p) for p in self.get_params(ctx) if isinstance(p, TyperArgument)
        ]

    def format_options(self, ctx: ClickContext, formatter: HelpFormatter) -> None:
        params = self.get_params(ctx)
        args = [
            (_argument_label(p), p.help or "")
            for p in params
            if isinstance(p, TyperArgument) and not p.hidden
        ]
        opts = [
            record
            for p in params
            if not isinstance(p, TyperArgument) and (record := p.get_help_record(ctx))
        ]
        for title, rows in (("Arguments", args), ("Options", opts)):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)


def add_commands(app: typer.Typer, commands: dict[str, Callable[..., None]]) -> None:
    """The one way commands are registered: a name, a function, the shared command class."""
    for name, function in commands.items():
        app.command(name, cls=_Command)(function)
