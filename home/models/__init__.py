from .declaration import DeclarationPage, Endorsement, EndorsementForm
from .directory import GroupDirectoryPage
from .home import HomePage, network_figures
from .network import NetworkPage
from .syndication import (
    NetworkNewsPage,
    Syndication,
    SyndicationChoice,
)

__all__ = [
    "DeclarationPage",
    "Endorsement",
    "EndorsementForm",
    "GroupDirectoryPage",
    "HomePage",
    "NetworkNewsPage",
    "NetworkPage",
    "Syndication",
    "SyndicationChoice",
    "network_figures",
]
