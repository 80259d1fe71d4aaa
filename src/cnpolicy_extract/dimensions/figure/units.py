"""The unit vocabulary (resources/units.tsv) as a lookup table."""
from __future__ import annotations

from dataclasses import dataclass

from ...resources import read_tsv


@dataclass(frozen=True, slots=True)
class Unit:
    surface: str
    unit: str | None  # canonical; None for 两大 (a count with no classifier)
    dimension: str
    multiplier: float
    kind: str  # currency | count | measure | percent | pp | times | duration | age | head
    numerator_only: bool = False
    not_before: str = ""


@dataclass(frozen=True, slots=True)
class UnitTable:
    by_surface: dict[str, Unit]

    @classmethod
    def load(cls) -> UnitTable:
        table: dict[str, Unit] = {}
        for row in read_tsv("units.tsv"):
            s = row["surface"]
            table[s] = Unit(
                surface=s, unit=row["unit"] or None, dimension=row["dimension"],
                multiplier=float(row["multiplier"] or 1), kind=row["kind"],
                numerator_only=row.get("use") == "numerator", not_before=row.get("not_before", ""),
            )
        return cls(table)

    def surfaces(self, *, numerator: bool = False, kinds: frozenset[str] | None = None) -> list[str]:
        """Surface forms, longest first (so 个百分点 wins over 个, 人次 over 人)."""
        out = [u.surface for u in self.by_surface.values()
               if (numerator or not u.numerator_only) and (kinds is None or u.kind in kinds)]
        return sorted(out, key=lambda s: (-len(s), s))

    def compound(self, num: str, den: str) -> Unit | None:
        """X/Y: 元/吨 → CNY/t (price); 公里/小时 → km/hour."""
        a, b = self.by_surface.get(num), self.by_surface.get(den)
        if a is None or b is None or a.unit is None or b.unit is None:
            return None
        if a.kind == "currency":
            dim = "price"
        elif a.dimension == "mass" and b.dimension == "volume":
            dim = "concentration"
        elif a.dimension == "length" and b.dimension == "duration":
            dim = "speed"
        else:
            dim = "rate"
        return Unit(f"{num}/{den}", f"{a.unit}/{b.unit}", dim, a.multiplier / b.multiplier, "compound")
