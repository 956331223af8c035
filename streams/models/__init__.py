from .awards import AwardedOrganisation, AwardScheme, AwardsPage
from .home import Sector, StreamHomePage

__all__ = [
    "AwardScheme",
    "AwardedOrganisation",
    "AwardsPage",
    "Sector",
    "StreamHomePage",
]
