from .declaration import (
    DeclarationPage,
    DeclarationPrinciple,
    Endorsement,
    EndorsementForm,
)
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
    "DeclarationPrinciple",
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
