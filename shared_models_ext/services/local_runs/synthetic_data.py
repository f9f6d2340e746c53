"""The synthetic-data writer: a CSV in the entry's column format, from the generator a
run's synthetic channel uses (docs/synthetic-data.md), written into a workspace folder
without ever overwriting a file (a temporary file, then a link to a free name).
"""

from __future__ import annotations

import os
import uuid

from ...domain.errors import Conflict, InvalidInput, invalid_field
from ...domain.models.local_runs import SyntheticDataRequest, SyntheticDataWritten
from ...training.request import training_spec
from ...training.synthetic import write_synthetic_csv
from ..catalog import EntryCatalog
from ..workspace import Workspace, free_name


def write_synthetic_data(
    catalog: EntryCatalog,
    workspace: Workspace,
    viewer: str,
    entry_id: str,
    body: SyntheticDataRequest,
) -> SyntheticDataWritten:
    """``<entry id>-synthetic.csv`` (the first free name) in the workspace folder asked for."""
    entry = catalog.get(viewer, entry_id)
    tabular = training_spec(entry).tabular
    if tabular is None:
        raise invalid_field(
            ["training", "tabular"],
            "synthetic data is made from the entry's column format: only tabular "
            "models with a column format have it",
        )
    folder = workspace.existing_dir(body.directory, ["directory"])
    name = free_name(folder, f"{entry.id}-synthetic", ".csv")
    path = os.path.join(folder, name)
    temporary = os.path.join(folder, f".{name}.{uuid.uuid4().hex}.tmp")
    try:
        with open(temporary, "xb") as out:
            write_synthetic_csv(tabular, body.rows, body.seed, out)
        os.link(temporary, path)  # fails rather than overwrite a file made meanwhile
    except FileExistsError:
        raise Conflict(f"'{name}' appeared while it was written; try again.") from None
    except OSError as error:
        raise InvalidInput(f"Could not write the CSV: {error.strerror}") from None
    finally:
        if os.path.exists(temporary):
            os.remove(temporary)
    return SyntheticDataWritten(
        path=workspace.relative(path),
        rows=body.rows,
        columns=[column.name for column in tabular.columns],
    )
