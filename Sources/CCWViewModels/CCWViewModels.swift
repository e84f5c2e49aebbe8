import CCWCore
