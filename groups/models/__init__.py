from .home import GroupHomePage, PlaceType, Region, Stage
from .supporters import PledgeStatus, SupportersPage, SupportingOrganisation

__all__ = [
    "GroupHomePage",
    "PlaceType",
    "PledgeStatus",
    "Region",
    "Stage",
    "SupportersPage",
    "SupportingOrganisation",
]
