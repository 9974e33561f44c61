//! Tags and collections: how a researcher groups articles and quotes for a paper.

use crate::model::{Collection, CollectionItem};
use crate::{Result, Sourcebook};

impl Sourcebook {
    /// Adds and removes tags of an article; the index follows (`tag:` queries).
    pub fn retag(&mut self, id: &str, add: &[String], remove: &[String]) -> Result<Vec<String>> {
        let id = self.resolve_id(id)?;
        self.archive.retag(&id, add, remove)?;
        self.index_articles(std::slice::from_ref(&id))?;
        Ok(self.archive.get_article(&id)?.tags)
    }

    /// Every tag with its article count.
    pub fn tags(&self) -> Result<Vec<(String, usize)>> {
        Ok(self.archive.tags()?)
    }

    pub fn collections(&self) -> Result<Vec<Collection>> {
        Ok(self.archive.collections()?)
    }

    pub fn collection(&self, id_or_name: &str) -> Result<Collection> {
        Ok(self.archive.collection(id_or_name)?)
    }

    pub fn create_collection(&mut self, name: &str) -> Result<Collection> {
        Ok(self.archive.create_collection(name)?)
    }

    pub fn rename_collection(&mut self, id_or_name: &str, name: &str) -> Result<Collection> {
        let id = self.archive.collection(id_or_name)?.id;
        self.archive.rename_collection(&id, name)?;
        Ok(self.archive.collection(&id)?)
    }

    /// Deletes a collection (never its articles); returns it so the caller can undo.
    pub fn delete_collection(&mut self, id_or_name: &str) -> Result<Collection> {
        Ok(self.archive.delete_collection(id_or_name)?)
    }

    /// Adds articles or quotes (ids or unique prefixes) to a collection, creating it if new.
    pub fn collect(&mut self, name: &str, items: &[CollectionItem]) -> Result<Collection> {
        let collection = self.archive.create_collection(name)?;
        let items = self.resolve_items(items)?;
        self.archive.add_to_collection(&collection.id, &items)?;
        Ok(self.archive.collection(&collection.id)?)
    }

    pub fn uncollect(&mut self, id_or_name: &str, items: &[CollectionItem]) -> Result<Collection> {
        let id = self.archive.collection(id_or_name)?.id;
        let items = self.resolve_items(items)?;
        self.archive.remove_from_collection(&id, &items)?;
        Ok(self.archive.collection(&id)?)
    }

    /// Restores a deleted collection as it was (the undo of [`Self::delete_collection`]).
    pub fn restore_collection(&mut self, collection: &Collection) -> Result<Collection> {
        let restored = self.archive.create_collection(&collection.name)?;
        self.archive.add_to_collection(&restored.id, &collection.items)?;
        Ok(self.archive.collection(&restored.id)?)
    }

    fn resolve_items(&self, items: &[CollectionItem]) -> Result<Vec<CollectionItem>> {
        items
            .iter()
            .map(|item| {
                Ok(match &item.quote_id {
                    Some(quote) => {
                        let (article_id, quote) = self.quote(quote)?;
                        CollectionItem { article_id, quote_id: Some(quote.id) }
                    }
                    None => CollectionItem {
                        article_id: self.resolve_id(&item.article_id)?,
                        quote_id: None,
                    },
                })
            })
            .collect()
    }
}
