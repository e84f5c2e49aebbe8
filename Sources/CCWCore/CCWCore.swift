import CCWDomain
