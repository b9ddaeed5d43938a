module Ledger.Import
  ( Entry (..)
  , parseEntry
  , importFile
  , balance
  ) where

import qualified Data.Map as Map
import Data.List (foldl)
import qualified Data.Text as T
import qualified Data.Text.IO as TIO

data Entry = Entry
  { account :: T.Text
  , amount  :: Double
  , memo    :: T.Text
  } deriving (Show, Eq)

parseEntry :: T.Text -> Entry
parseEntry line =
  let [acct, amt, note] = T.splitOn "," line
  in Entry acct (read (T.unpack amt)) note

importFile :: FilePath -> IO [Entry]
importFile path = do
  contents <- TIO.readFile path
  let rows = T.lines contents
  return (map parseEntry (tail rows))

balance :: [Entry] -> Map.Map T.Text Double
balance = foldl step Map.empty
  where
    step acc e = Map.insertWith (+) (account e) (amount e) acc
